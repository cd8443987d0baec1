// The `check-backup` verb: re-evaluates a backup's WAL completeness (WAITING_FOR_WALS -> DONE/FAILED); silent on success.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Commands;

internal static class CheckBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("check-backup", "Make sure that all the required WAL files to check the consistency of a physical backup (that is, from the beginning to the end of the full backup) are correctly archived. This command is automatically invoked by the cron command and at the end of every backup operation.");
        command.Add(server);
        command.Add(backupId);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            BackupConsistencyCheck.Run(config, parse.GetValue(backupId)!, inv.Output);
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
