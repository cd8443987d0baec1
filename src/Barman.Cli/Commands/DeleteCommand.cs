// The `delete` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class DeleteCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("delete", "Delete a backup");
        command.Add(server);
        command.Add(backupId);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("delete")));
        return command;
    }
}
