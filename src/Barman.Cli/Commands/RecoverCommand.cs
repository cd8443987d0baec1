// The `recover` verb: parses barman's arguments, maps the backup to a RecoverySource, runs the executor.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Cli.Output;
using Barman.Core.Catalog;
using Barman.Core.Errors;
using Barman.Core.Recovery;

namespace Barman.Cli.Commands;

internal static class RecoverCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId("specifies the backup ID to recover");
        var destination = new Argument<string>("destination_directory") { Description = "the directory where the new server is created" };
        var targetTli = new Option<string?>("--target-tli") { Description = "target timeline", HelpName = "TARGET_TLI" }.Checked(ArgTypes.Timeline);
        var targetTime = new Option<string?>("--target-time") { Description = "target time. You can use any valid unambiguous representation. e.g: \"YYYY-MM-DD HH:MM:SS.mmm\"", HelpName = "TARGET_TIME" };
        var targetXid = new Option<string?>("--target-xid") { Description = "target transaction ID", HelpName = "TARGET_XID" };
        var targetLsn = new Option<string?>("--target-lsn") { Description = "target LSN (Log Sequence Number)", HelpName = "TARGET_LSN" };
        var targetName = new Option<string?>("--target-name") { Description = "target name created previously with pg_create_restore_point() function call", HelpName = "TARGET_NAME" };
        var targetImmediate = new Option<bool>("--target-immediate") { Description = "end recovery as soon as a consistent state is reached" };
        var exclusive = new Option<bool>("--exclusive") { Description = "set target to be non inclusive" };
        var tablespace = new Option<string[]>("--tablespace") { Description = "tablespace relocation rule", HelpName = "NAME:LOCATION", AllowMultipleArgumentsPerToken = false };
        var remoteSshCommand = new Option<string?>("--remote-ssh-command") { Description = "This options activates remote recovery, by specifying the secure shell command to be launched on a remote host. It is the equivalent of the \"ssh_command\" server option in the configuration file for remote recovery. Example: \"ssh postgres@db2\"", HelpName = "SSH_COMMAND" };
        var bwlimit = new Option<int?>("--bwlimit") { Description = "maximum transfer rate in kilobytes per second. A value of 0 means no limit. Overrides 'bandwidth_limit' configuration option.", HelpName = "KBPS" }.Checked(ArgTypes.NonNegative);
        var retryTimes = new Option<int?>("--retry-times") { Description = "Number of retries after an error if base backup copy fails.", HelpName = "RETRY_TIMES" }.Checked(ArgTypes.NonNegative);
        var retrySleep = new Option<int?>("--retry-sleep") { Description = "Wait time after a failed base backup copy, before retrying.", HelpName = "RETRY_SLEEP" }.Checked(ArgTypes.NonNegative);
        var noRetry = new Option<bool>("--no-retry") { Description = "Disable base backup copy retry logic." };
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Run the copy in parallel using NJOBS processes.", HelpName = "NJOBS" }.Checked(ArgTypes.Positive);
        var getWal = new Option<bool>("--get-wal") { Description = "Enable the get-wal option during the recovery." };
        var noGetWal = new Option<bool>("--no-get-wal") { Description = "Disable the get-wal option during recovery." };
        var networkCompression = new Option<bool>("--network-compression") { Description = "Enable network compression during remote recovery." };
        var noNetworkCompression = new Option<bool>("--no-network-compression") { Description = "Disable network compression during remote recovery." };
        var targetAction = new Option<string?>("--target-action") { Description = "Specifies what action the server should take once the recovery target is reached. This option is not allowed for PostgreSQL < 9.1. If PostgreSQL is between 9.1 and 9.4 included the only allowed value is \"pause\". If PostgreSQL is 9.5 or newer the possible values are \"shutdown\", \"pause\", \"promote\".", HelpName = "TARGET_ACTION" }.Checked(ArgTypes.TargetAction);
        var standbyMode = new Option<bool>("--standby-mode") { Description = "Enable standby mode when starting the recovered PostgreSQL instance" };
        var recoveryStagingPath = new Option<string?>("--recovery-staging-path") { Description = "A path to a location on the recovery host where compressed backup files will be staged during the recovery. This location must have enough available space to temporarily hold the full compressed backup. This option is *required* when recovering from a compressed backup.", HelpName = "RECOVERY_STAGING_PATH" };
        var snapshotRecoveryInstance = new Option<string?>("--snapshot-recovery-instance") { Description = "Instance where the disks recovered from the snapshots are attached", HelpName = "SNAPSHOT_RECOVERY_INSTANCE" };
        var snapshotRecoveryZone = new Option<string?>("--snapshot-recovery-zone") { Description = "Zone containing the instance and disks for the snapshot recovery", HelpName = "SNAPSHOT_RECOVERY_ZONE" };
        var command = new Command("recover", "Recover a server at a given time, name, LSN or xid");
        command.Add(server);
        command.Add(backupId);
        command.Add(destination);
        command.Add(targetTli);
        command.Add(targetTime);
        command.Add(targetXid);
        command.Add(targetLsn);
        command.Add(targetName);
        command.Add(targetImmediate);
        command.Add(exclusive);
        command.Add(tablespace);
        command.Add(remoteSshCommand);
        command.Add(bwlimit);
        command.Add(retryTimes);
        command.Add(retrySleep);
        command.Add(noRetry);
        command.Add(jobs);
        command.Add(getWal);
        command.Add(noGetWal);
        command.Add(networkCompression);
        command.Add(noNetworkCompression);
        command.Add(targetAction);
        command.Add(standbyMode);
        command.Add(recoveryStagingPath);
        command.Add(snapshotRecoveryInstance);
        command.Add(snapshotRecoveryZone);
        targetAction.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } a && !RecoveryTarget.Actions.Contains(a))
            {
                r.AddError($"argument --target-action: '{a}' is not a valid recovery target action");
            }
        });
        targetTli.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } t && !RecoveryTarget.IsValidTimeline(t))
            {
                r.AddError($"argument --target-tli: '{t}' is not a valid input");
            }
        });
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            // barman checks the single-target rule before it prints anything.
            var target = RecoveryTarget.Create(
                parse.GetValue(targetTime), parse.GetValue(targetXid), parse.GetValue(targetLsn), parse.GetValue(targetName),
                parse.GetValue(targetImmediate), parse.GetValue(exclusive), parse.GetValue(targetTli), parse.GetValue(targetAction));
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } srv)
            {
                return GatedServers.RefusedCode(inv);
            }
            var selector = parse.GetValue(backupId)!;
            var catalog = BackupCatalog.Load(srv);
            var info = catalog.Resolve(selector);
            if (!BackupCatalog.CopyDone.Contains(info.Status))
            {
                throw new RecoveryException($"Cannot recover from backup '{selector}' of server '{srv.Name}': backup status is not DONE");
            }
            var source = RecoverySource.FromCatalog(info, catalog.DirectoryOf(info.BackupId));
            var staging = StagingPath(source, selector, srv.Name, parse.GetValue(recoveryStagingPath) ?? srv.Get("recovery_staging_path"));
            var wantGetWal = parse.GetValue(getWal)
                || (!parse.GetValue(noGetWal) && (srv.Get("recovery_options") ?? string.Empty).Contains("get-wal", StringComparison.Ordinal));
            var request = new RecoveryRequest(
                parse.GetValue(destination)!,
                target,
                parse.GetValue(standbyMode),
                wantGetWal ? GetWalFor(inv) : null,
                parse.GetValue(tablespace) ?? [],
                parse.GetValue(jobs) ?? srv.ParallelJobs,
                [inv.Config.BarmanHome, .. inv.Config.Servers.Values.Select(s => s.BackupDirectory)],
                parse.GetValue(remoteSshCommand) is { } ssh ? new RemoteShell(ssh, inv.Runner) : null,
                parse.GetValue(bwlimit) ?? (int.TryParse(srv.Get("bandwidth_limit"), System.Globalization.CultureInfo.InvariantCulture, out var kbps) ? kbps : null),
                staging);
            var progress = ProgressLine.ForTerminal(ctx.Stdout, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(GlobalOptions.Format) == "json",
                source.Compression is null ? info.Size : null, inv.Clock);
            request = request with { Progress = progress is null ? null : progress.Add };
            var hooks = Core.Hooks.RecoveryHooks.For(srv, inv.Clock, source.BackupId, request.Destination, request.TablespaceRules,
                parse.GetValue(remoteSshCommand), new Dictionary<string, object?>
                {
                    ["target_tli"] = int.TryParse(target.Timeline, System.Globalization.CultureInfo.InvariantCulture, out var tli) ? tli : target.Timeline,
                    ["target_time"] = target.Time,
                    ["target_xid"] = target.Xid,
                    ["target_lsn"] = target.Lsn,
                    ["target_name"] = target.Name,
                    ["target_immediate"] = target.Immediate,
                    ["exclusive"] = target.Exclusive,
                    ["target_action"] = target.Action,
                    ["standby_mode"] = request.StandbyMode,
                });
            await new RecoveryExecutor(line => { progress?.Clear(); inv.Output.Info(line); }, inv.Clock, TimeZoneInfo.Local) { Hooks = hooks }
                .RecoverAsync(source, new XlogDbWalArchiveReader(srv.WalsDirectory), request, token);
            progress?.Clear();
            return 0;
        }, ct));
        return command;
    }

    /// <summary>barman's checks for a compressed backup: an absolute recovery staging path is required.</summary>
    private static string? StagingPath(RecoverySource source, string selector, string server, string? path)
    {
        if (source.Compression is null)
        {
            return null;
        }
        if (path is null)
        {
            throw new RecoveryException(
                $"Cannot recover from backup '{selector}' of server '{server}': backup is compressed with {source.Compression} compression but no recovery staging path is provided. Either set recovery_staging_path in the Barman config or use the --recovery-staging-path argument.");
        }
        return Path.IsPathRooted(path) ? path : throw new RecoveryException($"Cannot parse recovery staging path: Invalid value : '{path}' (must be an absolute path)");
    }

    /// <summary>
    /// The get-wal restore_command that works as written: our own executable, <c>-c</c> unless the config is at a
    /// default system location, and no user switch, since the recovered files belong to barman_user and
    /// PostgreSQL runs as the owner of its data directory.
    /// </summary>
    private static GetWalRestore GetWalFor(Invocation inv)
    {
        var self = Environment.ProcessPath is { } p && Path.GetFileName(p) == "barman" ? p : "barman";
        var config = Path.GetFullPath(inv.Config.ConfigFile);
        var isDefault = config is "/etc/barman.conf" or "/etc/barman/barman.conf";
        return new GetWalRestore(self, isDefault ? null : config, inv.Config.BarmanUser, SwitchUser: false);
    }
}
