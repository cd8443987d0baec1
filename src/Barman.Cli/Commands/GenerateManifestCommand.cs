// The `generate-manifest` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class GenerateManifestCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("generate-manifest", "Generate a manifest-backup for the given server and backup id");
        command.Add(server);
        command.Add(backupId);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("generate-manifest")));
        return command;
    }
}
