// The `verify-backup` verb (alias verify): runs pg_verifybackup on a backup's data directory.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Commands;

internal static class VerifyBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("verify-backup", "verify a backup for the given server and backup id");
        command.Aliases.Add("verify");
        command.Add(server);
        command.Add(backupId);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            await BackupVerifier.VerifyAsync(config, parse.GetValue(backupId)!, inv.Output, inv.Runner, token);
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
