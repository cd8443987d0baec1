// The `list-backups` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class ListBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command ('all' will show all available servers)");
        var minimal = new Option<bool>("--minimal") { Description = "machine readable output" };
        var command = new Command("list-backups", "List available backups for the given server (supports 'all')");
        command.Aliases.Add("list-backup");
        command.Add(servers);
        command.Add(minimal);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("list-backups")));
        return command;
    }
}
