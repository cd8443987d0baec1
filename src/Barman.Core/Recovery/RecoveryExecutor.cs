// Runs a recovery: validates, copies the backup and WAL, writes the recovery configuration, reports.
using System.Text;
using Barman.Core.Errors;
using Barman.Core.Formatting;
using Barman.Core.Logging;
using Barman.Core.Storage;

namespace Barman.Core.Recovery;

/// <summary>
/// barman's <c>recover</c>, step by step, printing the same lines as the reference. Locally everything is written
/// in place; with <see cref="RecoveryRequest.Remote"/> the data goes by rsync over ssh and the WAL and configuration
/// files are prepared in a local staging directory, then pushed in one rsync.
/// </summary>
/// <param name="info">Where progress lines go: the output port's Info for recover, a log for restore-test.</param>
/// <param name="clock">Start time and elapsed time.</param>
/// <param name="localZone">Naive target times and the printed start time are in this zone.</param>
public sealed class RecoveryExecutor(Action<string> info, TimeProvider clock, TimeZoneInfo localZone)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.recovery_executor"); // taken at each use: see BarmanLog.Defer

    /// <summary>The pre/post recovery scripts (barman runs them around the executor); none when null.</summary>
    public Hooks.RecoveryHooks? Hooks { get; init; }

    public async Task RecoverAsync(RecoverySource source, IWalArchiveReader archive, RecoveryRequest request, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var remote = request.Remote;
        var dest = remote is null ? Path.GetFullPath(request.Destination) : request.Destination;
        var target = request.Target;
        if (Hooks is not null)
        {
            await Hooks.RunPreAsync(ct);
        }
        info($"Starting {(remote is null ? "local" : "remote")} restore for server {source.ServerName} using backup {source.BackupId}");
        info($"Destination directory: {request.Destination}");
        if (remote is not null)
        {
            info($"Remote command: {remote.Command}");
        }
        var targetTime = target.Validate(source, localZone);
        if (remote is not null && request.GetWal is not null)
        {
            throw new RecoveryException("--get-wal with --remote-ssh-command is not supported yet: the remote host would run barman-wal-restore, not barman get-wal");
        }
        var tablespaces = TablespacePlan.Build(source, request.TablespaceRules);
        if (remote is null)
        {
            DestinationGuard.Check(dest, request.ProtectedDirectories);
        }
        else
        {
            await RemoteCopy.CheckNotRunningAsync(remote, dest, ct);
        }
        Log.InfoLine($"Starting restore for server {source.ServerName} using backup {source.BackupId} into {dest}");

        var previous = remote is null
            ? (File.Exists(Path.Combine(dest, ".barman-recover.info")) ? File.ReadAllText(Path.Combine(dest, ".barman-recover.info")) : null)
            : await RemoteCopy.ReadPreviousRecoveryInfoAsync(remote, dest, ct);
        // barman's order: PITR targets, safe horizon, then one line per tablespace as it prepares the links.
        if (target.Describe(targetTime) is { } pitr)
        {
            info(pitr);
        }
        var horizon = SafeHorizon(previous, source);
        if (horizon is { } h)
        {
            info($"Using safe horizon time for smart rsync copy: {HumanFormat.IsoWithOffset(h)}");
        }
        foreach (var (tablespace, location) in tablespaces.Targets)
        {
            info($"\t{RecoverySource.OidText(tablespace)}, {tablespace.Name}, {location}");
        }

        info("Copying the base backup.");
        if (!Directory.Exists(source.DataDirectory))
        {
            throw new RecoveryException($"The data directory of backup {source.BackupId} is missing: {source.DataDirectory}");
        }
        var work = dest;
        string? compressedStaging = null;
        if (source.Compression is not null)
        {
            compressedStaging = CompressedCopy.StagingDirectory(source, request.StagingPath
                ?? throw new RecoveryException($"Backup {source.BackupId} is compressed with {source.Compression}: a recovery staging path is required"));
            info($"Staging compressed backup files on the recovery host in: {compressedStaging}");
        }
        if (remote is null && compressedStaging is not null)
        {
            CompressedCopy.CreateStaging(compressedStaging);
            try
            {
                CompressedCopy.ExtractLocal(source, dest, tablespaces, request.Progress, ct);
            }
            finally
            {
                Directory.Delete(compressedStaging, recursive: true);
            }
        }
        else if (remote is null)
        {
            await TreeMirror.MirrorAsync(source.DataDirectory, dest, tablespaces.ExcludeFromData, request.Jobs, horizon, ct, request.Progress);
            await tablespaces.CopyAsync(dest, request.Jobs, horizon, ct, request.Progress);
        }
        else
        {
            if (compressedStaging is not null)
            {
                await RemoteCopy.CopyCompressedBackupAsync(remote, source, dest, compressedStaging, tablespaces, request.BandwidthLimit, ct);
            }
            else
            {
                await RemoteCopy.CopyBaseBackupAsync(remote, source, dest, tablespaces, request.BandwidthLimit, ct);
            }
            work = RemoteCopy.CreateStaging(source);
        }
        try
        {
            await PrepareAsync(source, archive, request, work, targetTime, ct);
            var analyses = AnalyzeConfigFiles(work);
            if (target.IsPitr || request.GetWal is not null || request.StandbyMode)
            {
                info(source.PgVersion >= 120000 ? "Generating recovery configuration" : "Generating recovery.conf");
                var lines = RecoveryConfigWriter.Lines(target, source.ServerName, request.GetWal);
                RecoveryConfigWriter.Write(work, lines, request.StandbyMode, source.PgVersion);
            }
            info("Identify dangerous settings in destination directory.");
            DurableFile.WriteAtomic(Path.Combine(work, ".barman-recover.info"), Encoding.UTF8.GetBytes(source.BackupInfoText), FileModes.Mode0644);
            if (remote is null)
            {
                var manifest = Path.Combine(dest, "backup_manifest");
                if (File.Exists(manifest))
                {
                    File.Move(manifest, Path.Combine(dest, "backup_manifest." + source.BackupId), overwrite: true);
                }
            }
            else
            {
                await RemoteCopy.PushStagingAsync(remote, work, dest, source.BackupId, request.BandwidthLimit, ct);
            }
            if (Hooks is not null)
            {
                await Hooks.RunPostAsync(ct);
            }
            RecoveryReport.Print(info, new RecoveryReport(
                [.. analyses.SelectMany(a => a.Changes)],
                [.. analyses.SelectMany(a => a.Warnings)],
                MissingConfigFiles(source),
                request.GetWal is not null,
                TimeZoneInfo.ConvertTime(started, localZone),
                clock.GetUtcNow() - started));
        }
        finally
        {
            if (remote is not null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
        Log.InfoLine($"Recovery of backup {source.BackupId} into {dest} completed");
    }

    /// <summary>WAL into barman_wal/ (any target, get-wal) or pg_wal/ with .done files (none, standby).</summary>
    private async Task PrepareAsync(RecoverySource source, IWalArchiveReader archive, RecoveryRequest request, string work, DateTimeOffset? targetTime, CancellationToken ct)
    {
        var target = request.Target;
        var useBarmanWal = target.IsPitr || request.GetWal is not null;
        var walDest = Path.Combine(work, useBarmanWal ? "barman_wal" : source.PgVersion >= 100000 ? "pg_wal" : "pg_xlog");
        if (useBarmanWal)
        {
            Directory.CreateDirectory(walDest);
            FileModes.Set(walDest, FileModes.Mode0755);
            WalRestorer.CreateStatusDirectory(Path.Combine(walDest, "archive_status"));
        }
        else if (!Directory.Exists(walDest))
        {
            Directory.CreateDirectory(walDest);
            FileModes.Set(walDest, FileModes.Mode0700);
        }
        if (request.GetWal is not null)
        {
            return;
        }
        info("Copying required WAL segments.");
        var required = RequiredWals.Select(archive.List(), source.BeginWal, source.EndWal, target.TimelineLimit(source),
            targetTime?.ToUnixTimeMilliseconds() / 1000.0);
        EnsureBackupWalsPresent(source, required);
        await WalRestorer.RestoreAsync(archive, required, walDest, request.Jobs, ct);
        if (!useBarmanWal)
        {
            info("Generating archive status files");
            WalRestorer.WriteDoneFiles(required, walDest);
        }
    }

    /// <summary>A backup is unusable without the WAL written during it; fail before PostgreSQL finds out.</summary>
    private static void EnsureBackupWalsPresent(RecoverySource source, IReadOnlyList<Catalog.XlogDbEntry> required)
    {
        var names = required.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (!names.Contains(source.BeginWal) || !names.Contains(source.EndWal))
        {
            var missing = names.Contains(source.BeginWal) ? source.EndWal : source.BeginWal;
            throw new RecoveryException($"WAL file {missing} required by backup {source.BackupId} is not in the archive of server '{source.ServerName}'");
        }
    }

    /// <summary>With a previous recovery in the destination, files older than both backups' start can be trusted.</summary>
    private static DateTimeOffset? SafeHorizon(string? previousInfo, RecoverySource source)
    {
        var line = previousInfo?.Split('\n').FirstOrDefault(l => l.StartsWith("begin_time=", StringComparison.Ordinal));
        if (line is null || !DateTimeOffset.TryParse(line["begin_time=".Length..], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var previous))
        {
            return null;
        }
        return previous < source.BeginTime ? previous : source.BeginTime;
    }

    /// <summary>
    /// Makes the .origin copies, then neutralises archive_command in postgresql.conf and postgresql.auto.conf
    /// (before recovery lines are appended, so the .origin of postgresql.auto.conf is the backup's own).
    /// </summary>
    private static List<ConfigAnalysis> AnalyzeConfigFiles(string work)
    {
        var result = new List<ConfigAnalysis>();
        foreach (var name in new[] { "postgresql.conf", "postgresql.auto.conf" })
        {
            var path = Path.Combine(work, name);
            if (!File.Exists(path))
            {
                continue;
            }
            File.Copy(path, path + ".origin", overwrite: true);
            File.SetLastWriteTimeUtc(path + ".origin", File.GetLastWriteTimeUtc(path));
            var analysis = ConfigFileAnalyzer.Analyze(name, File.ReadAllText(path));
            if (analysis.Changes.Count > 0)
            {
                DurableFile.WriteAtomic(path, Encoding.UTF8.GetBytes(analysis.Text), FileModes.Get(path));
            }
            result.Add(analysis);
        }
        return result;
    }

    /// <summary>Configuration files that lived outside PGDATA are not part of a pg_basebackup copy.</summary>
    private static IReadOnlyList<string> MissingConfigFiles(RecoverySource source)
    {
        if (source.Pgdata is null)
        {
            return [];
        }
        var pgdata = Path.TrimEndingDirectorySeparator(source.Pgdata) + "/";
        return [.. new[] { source.ConfigFile, source.HbaFile, source.IdentFile }
            .OfType<string>()
            .Where(f => !f.StartsWith(pgdata, StringComparison.Ordinal))];
    }
}
