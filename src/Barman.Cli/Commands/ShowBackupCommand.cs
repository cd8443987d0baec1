// The `show-backup` verb: resolves one backup selector and prints its details.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Commands;

internal static class ShowBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("show-backup", "This method shows a single backup information");
        command.Aliases.Add("show-backups");
        command.Add(server);
        command.Add(backupId);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            inv.Output.ResultShowBackup(CatalogQueries.ShowBackup(config, parse.GetValue(backupId)!, inv.Clock, inv.Output));
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
