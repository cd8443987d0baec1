// The `generate-manifest` verb: writes a backup_manifest for a backup that has none.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

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
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            BackupVerifier.GenerateManifest(config, parse.GetValue(backupId)!, inv.Output, inv.Clock);
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
