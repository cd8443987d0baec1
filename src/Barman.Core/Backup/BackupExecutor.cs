// backup (backup_method = postgres): checks, backup.info STARTED -> WAITING_FOR_WALS -> DONE or FAILED, pg_basebackup,
// restore point, first-backup WAL cleanup, --wait, and the reference's output lines.
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Checks;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Formatting;
using Barman.Core.Hooks;
using Barman.Core.Locking;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Processes;
using Barman.Core.Retention;
using Barman.Core.Storage;
using Barman.Core.Wal;

namespace Barman.Core.Backup;

/// <summary>Runs one server's backup as barman's Server.backup + BackupManager.backup + PostgresBackupExecutor.</summary>
public sealed class BackupExecutor(ServerConfig server, IOutput output, TimeProvider clock, IProcessRunner runner, HookScripts? hooks = null)
{
    private readonly HookScripts _hooks = hooks ?? HookScripts.For(server, clock, runner);
    private static Serilog.ILogger Log => BarmanLog.For("barman.backup_executor"); // taken at each use: see BarmanLog.Defer
    private static readonly UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>Takes the backup; false when refused or failed (an ERROR was printed).</summary>
    public async Task<bool> RunAsync(BackupRequest request, CancellationToken ct)
    {
        // A server disabled by its configuration never gets here: the command's ServerGate refused it.
        var checks = await ServerChecker.RunAsync(server, runner, clock, ct, ServerChecker.NonCriticalChecks);
        if (checks.Disabled)
        {
            return RefuseDisabled(checks.Lines.Where(l => l.Name == "configuration").SelectMany(l => l.Details));
        }
        if (!ServerChecker.AllowsBackup(checks))
        {
            output.Error($"Impossible to start the backup. Check the log for more details, or run 'barman check {server.Name}'");
            return false;
        }
        foreach (var dir in new[] { server.BaseBackupsDirectory, server.WalsDirectory, server.IncomingWalsDirectory, server.StreamingWalsDirectory, server.ErrorsDirectory })
        {
            Directory.CreateDirectory(dir);
        }
        BackupInfo info;
        using (var held = LockFile.TryAcquire(ServerLocks.Backup(server)))
        {
            if (held is null)
            {
                output.Error("Another backup process is running");
                return false;
            }
            InterruptedBackups.FailUnderLock(server, output);
            info = await BackupLockedAsync(request, ct);
            // barman runs the post scripts in its finally block, for a DONE, WAITING_FOR_WALS or FAILED backup alike.
            if (Directory.Exists(Path.Combine(server.BaseBackupsDirectory, info.BackupId)))
            {
                await _hooks.RunPostAsync("backup", HookEnvironment.ForBackup(BackupCatalog.Load(server), info), ct);
            }
        }
        // After the copy: archive what arrived, re-check, purge WAL older than a first backup, warn when still waiting.
        await ArchiveQuietlyAsync(ct);
        if (info.Status == BackupInfo.StatusFailed)
        {
            // barman goes on to purge "WAL older than the first backup" here, and a FAILED backup has no begin_wal,
            // so it deletes the whole WAL archive: we deliberately stop.
            return false;
        }
        if (info.Status == BackupInfo.StatusWaitingForWals)
        {
            info = CheckAndSave(info);
        }
        var catalog = BackupCatalog.Load(server);
        if (catalog.Previous(info.BackupId) is null)
        {
            await WalPruner.RemoveBeforeAsync(server, info, new HashSet<uint>(), [], output, clock, ct);
        }
        if (info.Status == BackupInfo.StatusWaitingForWals)
        {
            output.Warning("IMPORTANT: this backup is classified as WAITING_FOR_WALS, meaning that Barman has not received yet all the required WAL files for the backup consistency.\n"
                + "This is a common behaviour in concurrent backup scenarios, and Barman automatically set the backup as DONE once all the required WAL files have been archived.\n"
                + "Hint: execute the backup command with '--wait'");
        }
        return true;
    }

    /// <summary>Settings RemoteConfigValidation refuses once PostgreSQL is reached: barman prints each message, nothing else.</summary>
    private bool RefuseDisabled(IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            output.Error(message);
        }
        return false;
    }

    private readonly BackupCompression? _compression = BackupCompression.From(server);

    private async Task<BackupInfo> BackupLockedAsync(BackupRequest request, CancellationToken ct)
    {
        var id = BackupId.FromStartTime(clock.GetLocalNow()).Value;
        var dir = Path.Combine(server.BaseBackupsDirectory, id);
        if (Directory.Exists(dir))
        {
            throw new BackupException($"Backup directory '{dir}' already exists");
        }
        var data = Path.Combine(dir, "data");
        var info = new BackupInfo { BackupId = id, BackupName = request.Name, ServerName = server.Name, Mode = "postgres" };
        var action = "starting backup";
        DateTimeOffset copyStart = clock.GetLocalNow();
        await using var pg = await BackupServerQueries.ConnectAsync(server, ct);
        try
        {
            var facts = await pg.FactsAsync(ct);
            info = info with { SystemId = facts.SystemId };
            Directory.CreateDirectory(dir);
            Save(dir, info);
            WriteIdentity(facts);
            output.Info($"Starting backup using postgres method for server {server.Name} in {dir}");
            await _hooks.RunPreAsync("backup", HookEnvironment.ForBackup(BackupCatalog.Load(server), info), ct);
            action = "initialising postgres backup_method";
            var start = await pg.CurrentXlogAsync(ct);
            info = info with
            {
                Status = BackupInfo.StatusStarted,
                Version = facts.Version,
                Pgdata = facts.DataDirectory,
                ConfigFile = facts.ConfigFile,
                HbaFile = facts.HbaFile,
                IdentFile = facts.IdentFile,
                TablespacesLiteral = facts.Tablespaces.Count == 0 ? null
                    : PythonLiteral.Repr((object)facts.Tablespaces.Select(t => (object?)new PythonLiteral.PyTuple([t.Name, t.Oid, t.Location])).ToImmutableArray()),
                BeginTime = start.Timestamp,
                BeginXlog = start.Location,
                BeginWal = start.FileName,
                BeginOffset = start.FileOffset,
                Timeline = start.Timeline,
            };
            Save(dir, info);
            output.Info($"Backup start at LSN: {start.Location} ({start.FileName}, {start.FileOffset:X8})");

            action = "copying files";
            output.Info($"Starting backup copy via pg_basebackup for {id}");
            copyStart = clock.GetLocalNow();
            await CopyAsync(request, facts, dir, data, ct);
            var copyEnd = clock.GetLocalNow();
            var copySeconds = (copyEnd - copyStart).TotalSeconds;
            info = info with { CopyStatsLiteral = $"{{'copy_time': {PythonFloat.Repr(copySeconds)}, 'total_time': {PythonFloat.Repr(copySeconds)}}}" };
            output.Info($"Copy done (time: {HumanFormat.Duration(copyEnd - copyStart)})");

            action = "stopping postgres backup_method";
            var labelText = _compression is { IsArchive: true } archive
                ? archive.ReadBackupLabel(data)
                : await File.ReadAllTextAsync(Path.Combine(data, "backup_label"), ct);
            info = info with { Compression = _compression is { IsArchive: true } ? _compression.Type : null };
            var label = BackupLabel.TryParse(labelText) ?? throw new BackupException($"Failure parsing backup_label for backup {id}");
            info = info with
            {
                BackupLabelLiteral = PythonLiteral.Repr(labelText),
                Timeline = label.Timeline,
                BeginXlog = label.StartLocation,
                BeginWal = label.StartWal,
                BeginOffset = (long)(Lsn.Parse(label.StartLocation).Value % (ulong)(info.XlogSegmentSize ?? WalSegmentName.DefaultSegmentSize)),
            };
            output.Info("Finalising the backup.");
            var stop = await pg.CurrentXlogAsync(ct);
            info = info with { EndTime = stop.Timestamp, EndXlog = stop.Location, EndWal = stop.FileName, EndOffset = stop.FileOffset };
            await pg.SwitchWalAsync(ct);
            await PurgeBeforeFirstBackupAsync(info, ct);

            if (await pg.CreateRestorePointAsync("barman_" + id, ct))
            {
                BarmanLog.For("barman.postgres").InfoLine($"Restore point 'barman_{id}' successfully created");
            }
            action = "calculating backup size";
            var size = DirectorySize(dir);
            info = info with { Size = size, DeduplicatedSize = size };
            output.Info($"Backup size: {HumanFormat.Size(size)}");
            info = info with { Status = BackupInfo.StatusWaitingForWals };
        }
        catch (Exception e) when (e is BarmanException or IOException or UnauthorizedAccessException or FormatException or HookScriptAbortedException)
        {
            var lines = e.Message.Trim().Split('\n');
            info = info with { Status = BackupInfo.StatusFailed, Error = $"failure {action} ({lines[0]})" };
            if (Directory.Exists(dir))
            {
                Save(dir, info);
            }
            output.Error($"Backup failed {action}.\nDETAILS: {string.Join('\n', lines)}");
            return info;
        }
        Save(dir, info);
        output.Info($"Backup end at LSN: {info.EndXlog} ({info.EndWal}, {info.EndOffset:X8})");
        output.Info($"Backup completed (start time: {PythonDateTime(copyStart)}, elapsed time: {HumanFormat.Duration(clock.GetLocalNow() - copyStart)})");
        if (request.Wait)
        {
            info = await WaitForWalAsync(info, request.WaitTimeoutSeconds, ct);
        }
        return info;
    }

    private async Task CopyAsync(BackupRequest request, ServerFacts facts, string dir, string data, CancellationToken ct)
    {
        Directory.CreateDirectory(data);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var mapping = facts.Tablespaces.Select(t => (t.Location, Path.Combine(dir, t.Oid.ToString(CultureInfo.InvariantCulture)))).ToList();
        var exe = PgBinaries.Find("pg_basebackup", server.PathPrefix, facts.Version / 10000)
            ?? throw new CommandFailedException("pg_basebackup not found");
        var spec = PgBaseBackup.BuildSpec(exe, server, data, request.ImmediateCheckpoint ?? server.ImmediateCheckpoint, mapping,
            request.BandwidthLimitKbps ?? (int.TryParse(server.Get("bandwidth_limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var kbps) ? kbps : null),
            _compression, facts.Version / 10000);
        if (request.Progress is not null)
        {
            spec = spec with { Args = spec.Args.Add("--progress") };
        }
        var stderr = new StringBuilder();
        var started = clock.GetUtcNow();
        var result = await runner.RunAsync(spec, line => Log.InfoLine(line), line =>
        {
            if (request.Progress is not null && CopyProgress.TryParse(line, clock.GetUtcNow() - started) is { } progress)
            {
                request.Progress.Report(progress);
                return;
            }
            Log.InfoLine(line);
            stderr.Append(line).Append('\n');
        }, ct);
        request.Progress?.Report(new CopyProgress(0, 0, clock.GetUtcNow() - started, Finished: true));
        if (result.ExitCode != 0)
        {
            throw new CommandFailedException($"data transfer failure on directory '{data}'\npg_basebackup error:\n{stderr.ToString().TrimEnd('\n')}");
        }
    }

    // The first backup removes the WAL archived before it (barman's _purge_unused_wal_files).
    private async Task PurgeBeforeFirstBackupAsync(BackupInfo info, CancellationToken ct)
    {
        var catalog = BackupCatalog.Load(server);
        if (catalog.Previous(info.BackupId) is not null)
        {
            return;
        }
        output.Info($"This is the first backup for server {server.Name}");
        var removed = await WalPruner.RemoveBeforeAsync(server, info, new HashSet<uint>(), [], output, clock, ct);
        if (removed.Count > 0)
        {
            output.Info("WAL segments preceding the current backup have been found:");
            foreach (var name in removed)
            {
                output.Info($"\t{name} from server {server.Name} has been removed");
            }
        }
    }

    private async Task<BackupInfo> WaitForWalAsync(BackupInfo info, int? timeoutSeconds, CancellationToken ct)
    {
        output.Info($"Waiting for the WAL file {info.EndWal} from server '{server.Name}'"
            + (timeoutSeconds is > 0 ? $" (max: {timeoutSeconds.Value.ToString(CultureInfo.InvariantCulture)} seconds)" : string.Empty));
        var deadline = timeoutSeconds is > 0 ? clock.GetUtcNow().AddSeconds(timeoutSeconds.Value) : DateTimeOffset.MaxValue;
        while (true)
        {
            await ArchiveQuietlyAsync(ct);
            if (XlogDb.ReadAll(server).Any(e => e.Name == info.EndWal) || clock.GetUtcNow() >= deadline)
            {
                return CheckAndSave(info);
            }
            await Task.Delay(TimeSpan.FromSeconds(1), clock, ct);
        }
    }

    private async Task ArchiveQuietlyAsync(CancellationToken ct)
    {
        using var held = await LockFile.AcquireWaitingAsync(ServerLocks.ArchiveWal(server), TimeSpan.FromSeconds(30), clock, ct);
        if (held is not null)
        {
            await new WalArchiver(server, output, clock) { Verbose = false }.ArchiveAsync(ct);
        }
    }

    private BackupInfo CheckAndSave(BackupInfo info)
    {
        var checkedInfo = BackupConsistencyCheck.Evaluate(server, info);
        if (checkedInfo != info)
        {
            Save(Path.Combine(server.BaseBackupsDirectory, info.BackupId), checkedInfo);
        }
        return checkedInfo;
    }

    private void WriteIdentity(ServerFacts facts)
    {
        var path = Path.Combine(server.BackupDirectory, "identity.json");
        if (!File.Exists(path))
        {
            var major = (facts.Version / 10000).ToString(CultureInfo.InvariantCulture);
            DurableFile.WriteAtomic(path, Encoding.UTF8.GetBytes($"{{\n    \"systemid\": \"{facts.SystemId}\",\n    \"version\": \"{major}\"\n}}\n"), FileMode);
        }
    }

    private static void Save(string dir, BackupInfo info) => BackupConsistencyCheck.Save(dir, info);

    private static long DirectorySize(string dir) =>
        new DirectoryInfo(dir).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }).Sum(f => f.Length);

    // str() of a naive Python datetime: microseconds only when non-zero.
    private static string PythonDateTime(DateTimeOffset t)
    {
        var micro = t.Ticks % TimeSpan.TicksPerSecond / 10;
        return t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + (micro == 0 ? string.Empty : "." + micro.ToString("D6", CultureInfo.InvariantCulture));
    }
}
