// The `backup` verb: one BackupExecutor run per server (alphabetical); `all` carries on after a failure and exits 1.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Backup;
using Barman.Core.Catalog;

namespace Barman.Cli.Commands;

internal static class BackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server names for the backup command ('all' will show all available servers)");
        var immediateCheckpoint = new Option<bool>("--immediate-checkpoint") { Description = "forces the initial checkpoint to be done as quickly as possible" };
        var noImmediateCheckpoint = new Option<bool>("--no-immediate-checkpoint") { Description = "forces the initial checkpoint to be spread" };
        var reuseBackup = new Option<string?>("--reuse-backup") { Description = "use the previous backup to improve transfer-rate. If no argument is given \"link\" is assumed", Arity = ArgumentArity.ZeroOrOne };
        reuseBackup.Choices("copy", "link", "off").Const("link");
        var retryTimes = new Option<int?>("--retry-times") { Description = "Number of retries after an error if base backup copy fails.", HelpName = "RETRY_TIMES" }.Checked(ArgTypes.NonNegative);
        var retrySleep = new Option<int?>("--retry-sleep") { Description = "Wait time after a failed base backup copy, before retrying.", HelpName = "RETRY_SLEEP" }.Checked(ArgTypes.NonNegative);
        var noRetry = new Option<bool>("--no-retry") { Description = "Disable base backup copy retry logic." };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Run the copy in parallel using NJOBS processes.", HelpName = "NJOBS" }.Checked(ArgTypes.Positive);
        var bwlimit = new Option<int?>("--bwlimit") { Description = "maximum transfer rate in kilobytes per second. A value of 0 means no limit. Overrides 'bandwidth_limit' configuration option.", HelpName = "KBPS" }.Checked(ArgTypes.NonNegative);
        var wait = new Option<bool>("--wait", "-w") { Description = "wait for all the required WAL files to be archived" };
        var waitTimeout = new Option<int?>("--wait-timeout") { Description = "the time, in seconds, spent waiting for the required WAL files to be archived before timing out", HelpName = "TIMEOUT" }.Checked(ArgTypes.NonNegative);
        var name = new Option<string?>("--name") { Description = "a name which can be used to reference this backup in barman commands such as recover and delete", HelpName = "BACKUP_NAME" }.Checked(ArgTypes.BackupName);
        var command = new Command("backup", "Perform a full backup for the given server (supports 'all')");
        command.Add(servers);
        command.Add(immediateCheckpoint);
        command.Add(noImmediateCheckpoint);
        command.Add(reuseBackup);
        command.Add(retryTimes);
        command.Add(retrySleep);
        command.Add(noRetry);
        command.Add(jobs);
        command.Add(bwlimit);
        command.Add(wait);
        command.Add(waitTimeout);
        command.Add(name);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            bool? immediate = parse.GetValue(immediateCheckpoint) ? true : parse.GetValue(noImmediateCheckpoint) ? false : null;
            var request = new BackupRequest(parse.GetValue(name), immediate, parse.GetValue(wait), parse.GetValue(waitTimeout), parse.GetValue(bwlimit),
                Output.TerminalProgress.For(ctx.Stdout, parse, inv.Clock));
            var failed = false;
            if (request.Name is { } n && BackupId.InvalidNameReason(n) is { } reason)
            {
                // argparse refuses reserved words and ids; control characters are refused here (backup.info is line based).
                throw new Core.Errors.BarmanException(reason);
            }
            foreach (var server in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                failed |= !await new BackupExecutor(server, inv.Output, inv.Clock, inv.Runner).RunAsync(request, token);
            }
            return failed || inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
