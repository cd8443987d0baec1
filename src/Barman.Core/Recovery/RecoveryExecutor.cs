// Runs a local recovery: validates, copies the backup and WAL, writes the recovery configuration, reports.
using System.Text;
using Barman.Core.Errors;
using Barman.Core.Formatting;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Storage;

namespace Barman.Core.Recovery;

/// <summary>barman's local <c>recover</c>, step by step, printing the same lines as the reference.</summary>
public sealed class RecoveryExecutor(IOutput output, TimeProvider clock, TimeZoneInfo localZone)
{
    private static readonly Serilog.ILogger Log = BarmanLog.For("barman.recovery_executor");

    public async Task RecoverAsync(RecoverySource source, IWalArchiveReader archive, RecoveryRequest request, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var dest = Path.GetFullPath(request.Destination);
        var target = request.Target;
        output.Info($"Starting local restore for server {source.ServerName} using backup {source.BackupId}");
        output.Info($"Destination directory: {request.Destination}");
        var targetTime = target.Validate(source, localZone);
        var tablespaces = TablespacePlan.Build(source, request.TablespaceRules);
        DestinationGuard.Check(dest, request.ProtectedDirectories);
        Log.InfoLine($"Starting local restore for server {source.ServerName} using backup {source.BackupId} into {dest}");

        var horizon = SafeHorizon(dest, source);
        if (horizon is { } h)
        {
            output.Info($"Using safe horizon time for smart rsync copy: {HumanFormat.IsoWithOffset(h)}");
        }
        if (target.Describe(targetTime) is { } pitr)
        {
            output.Info(pitr);
        }

        output.Info("Copying the base backup.");
        await CopyBaseBackupAsync(source, dest, tablespaces, request.Jobs, horizon, ct);

        var walDirName = source.PgVersion >= 100000 ? "pg_wal" : "pg_xlog";
        var useBarmanWal = target.IsPitr || request.GetWal is not null;
        var walDest = Path.Combine(dest, useBarmanWal ? "barman_wal" : walDirName);
        if (useBarmanWal)
        {
            Directory.CreateDirectory(walDest);
            FileModes.Set(walDest, FileModes.Mode0755);
            WalRestorer.CreateStatusDirectory(Path.Combine(walDest, "archive_status"));
        }
        if (request.GetWal is null)
        {
            output.Info("Copying required WAL segments.");
            var required = RequiredWals.Select(archive.List(), source.BeginWal, source.EndWal, target.TimelineLimit(source),
                targetTime?.ToUnixTimeMilliseconds() / 1000.0);
            EnsureBackupWalsPresent(source, required);
            await WalRestorer.RestoreAsync(archive, required, walDest, request.Jobs, ct);
            if (!useBarmanWal)
            {
                output.Info("Generating archive status files");
                WalRestorer.WriteDoneFiles(required, walDest);
            }
        }

        var analyses = AnalyzeConfigFiles(dest);
        if (target.IsPitr || request.GetWal is not null || request.StandbyMode)
        {
            output.Info("Generating recovery configuration");
            var lines = RecoveryConfigWriter.Lines(target, source.ServerName, request.GetWal);
            RecoveryConfigWriter.Write(dest, lines, request.StandbyMode);
        }

        output.Info("Identify dangerous settings in destination directory.");
        DurableFile.WriteAtomic(Path.Combine(dest, ".barman-recover.info"), Encoding.UTF8.GetBytes(source.BackupInfoText), FileModes.Mode0644);
        var manifest = Path.Combine(dest, "backup_manifest");
        if (File.Exists(manifest))
        {
            File.Move(manifest, Path.Combine(dest, "backup_manifest." + source.BackupId), overwrite: true);
        }

        RecoveryReport.Print(output, new RecoveryReport(
            [.. analyses.SelectMany(a => a.Analysis.Changes)],
            [.. analyses.SelectMany(a => a.Analysis.Warnings)],
            MissingConfigFiles(source),
            request.GetWal is not null,
            TimeZoneInfo.ConvertTime(started, localZone),
            clock.GetUtcNow() - started));
        Log.InfoLine($"Recovery of backup {source.BackupId} into {dest} completed");
    }

    private static async Task CopyBaseBackupAsync(
        RecoverySource source, string dest, TablespacePlan tablespaces, int jobs, DateTimeOffset? horizon, CancellationToken ct)
    {
        if (!Directory.Exists(source.DataDirectory))
        {
            throw new RecoveryException($"The data directory of backup {source.BackupId} is missing: {source.DataDirectory}");
        }
        await TreeMirror.MirrorAsync(source.DataDirectory, dest, tablespaces.ExcludeFromData, jobs, horizon, ct);
        await tablespaces.CopyAsync(dest, jobs, horizon, ct);
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
    private static DateTimeOffset? SafeHorizon(string dest, RecoverySource source)
    {
        var info = Path.Combine(dest, ".barman-recover.info");
        if (!File.Exists(info))
        {
            return null;
        }
        var line = File.ReadLines(info).FirstOrDefault(l => l.StartsWith("begin_time=", StringComparison.Ordinal));
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
    private static List<(string Path, ConfigAnalysis Analysis)> AnalyzeConfigFiles(string dest)
    {
        var result = new List<(string, ConfigAnalysis)>();
        foreach (var name in new[] { "postgresql.conf", "postgresql.auto.conf" })
        {
            var path = Path.Combine(dest, name);
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
            result.Add((path, analysis));
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
