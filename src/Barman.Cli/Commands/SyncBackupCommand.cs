// The `sync-backup` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class SyncBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId("specifies the backup ID to be copied on the passive node");
        var command = new Command("sync-backup", "Command that synchronises a backup from a master to a passive node");
        command.Add(server);
        command.Add(backupId);
        command.SetAction(parse => ctx.Run(parse, inv => GatedServers.One(inv, parse.GetValue(server)!) is null
            ? GatedServers.RefusedCode(inv)
            : throw new NotImplementedVerbException("sync-backup")));
        return command;
    }
}
