// `restore-test` (beyond barman): recover a backup into a scratch directory, start it privately, query it, remove it.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;
using Barman.Core.Recovery;

namespace Barman.Cli.Commands;

internal static class RestoreTestCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = new Argument<string>("backup_id") { Description = "specifies the backup ID (default: latest)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "latest" };
        var targetTime = new Option<string?>("--target-time") { Description = "target time", HelpName = "TARGET_TIME" };
        var targetXid = new Option<string?>("--target-xid") { Description = "target transaction ID", HelpName = "TARGET_XID" };
        var targetLsn = new Option<string?>("--target-lsn") { Description = "target LSN", HelpName = "TARGET_LSN" };
        var targetName = new Option<string?>("--target-name") { Description = "target restore point name", HelpName = "TARGET_NAME" };
        var targetImmediate = new Option<bool>("--target-immediate") { Description = "end recovery as soon as a consistent state is reached" };
        var query = new Option<string[]>("--query") { Description = "SQL to run on the restored copy after SELECT 1 (repeatable)", HelpName = "SQL" };
        var keep = new Option<bool>("--keep") { Description = "keep the restored copy (stopped) instead of removing it" };
        var osUser = new Option<string?>("--os-user") { Description = "OS user that runs PostgreSQL (default: postgres when run as root)", HelpName = "USER" };
        var directory = new Option<string?>("--directory") { Description = "where the scratch copy is created (default: the system temporary directory)", HelpName = "DIR" };
        var command = new Command("restore-test", "Recover a backup into a scratch directory, start PostgreSQL on it and query it (exit 0 only if it answered)")
        {
            Hidden = true, // not a barman 3.4 verb: kept out of the reference's usage and help text
        };
        foreach (var symbol in new Symbol[] { server, backupId, targetTime, targetXid, targetLsn, targetName, targetImmediate, query, keep, osUser, directory })
        {
            switch (symbol)
            {
                case Argument a:
                    command.Add(a);
                    break;
                case Option o:
                    command.Add(o);
                    break;
            }
        }
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var target = RecoveryTarget.Create(parse.GetValue(targetTime), parse.GetValue(targetXid), parse.GetValue(targetLsn),
                parse.GetValue(targetName), parse.GetValue(targetImmediate), false, null, null);
            var srv = inv.Server(parse.GetValue(server)!);
            var catalog = Barman.Core.Catalog.BackupCatalog.Load(srv);
            var info = catalog.Resolve(parse.GetValue(backupId) ?? "latest");
            if (info.Status != Barman.Core.Catalog.BackupInfo.StatusDone)
            {
                throw new RecoveryException($"Cannot test backup {info.BackupId} of server '{srv.Name}': backup status is not DONE");
            }
            var source = RecoverySource.FromCatalog(info, catalog.DirectoryOf(info.BackupId));
            var request = new RestoreTestRequest(
                target,
                parse.GetValue(query) ?? [],
                parse.GetValue(keep),
                parse.GetValue(directory) ?? Path.GetTempPath(),
                parse.GetValue(osUser) ?? (Environment.UserName == "root" ? "postgres" : null),
                srv.ParallelJobs,
                srv.PathPrefix);
            var result = await new RestoreTester(inv.Output.Info, inv.Clock, inv.Runner)
                .RunAsync(source, new XlogDbWalArchiveReader(srv.WalsDirectory), request, token);
            RestoreTester.Record(source, result);
            return result.Ok ? 0 : throw new RecoveryException($"Restore test of backup {source.BackupId} failed: {result.Error}");
        }, ct));
        return command;
    }
}
