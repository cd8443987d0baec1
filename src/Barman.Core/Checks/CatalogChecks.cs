// Checks answered from the on-disk catalog: WAL archive, WAL queues, retention, backup/WAL validity, redundancy, errors.
using System.Globalization;
using Barman.Core.Configuration;
using Barman.Core.Formatting;

namespace Barman.Core.Checks;

/// <summary>The catalog-based checks, with barman's names and hints.</summary>
internal static class CatalogChecks
{
    /// <summary>Compressions barman's registry accepts (zstd and lz4 are this clone's additions).</summary>
    private static readonly HashSet<string> Compressions = new(StringComparer.Ordinal)
    {
        "gzip", "pigz", "bzip2", "pygzip", "pybzip2", "custom", "zstd", "lz4",
    };

    /// <summary>"WAL archive" is printed only when failing; then the incoming/streaming queue checks.</summary>
    public static void WalArchive(ServerConfig server, CatalogFacts catalog, CheckCollector checks)
    {
        checks.Start("WAL archive");
        if (!catalog.XlogDbHasContent && catalog.WithStatus(BackupFacts.WaitingForWals).IsEmpty)
        {
            checks.Result("WAL archive", false, "please make sure WAL shipping is setup");
        }
        WalQueue(server, "incoming", server.IncomingWalsDirectory, "archiver", server.Archiver, checks);
        WalQueue(server, "streaming", server.StreamingWalsDirectory, "streaming_archiver", server.StreamingArchiver, checks);
    }

    private static void WalQueue(ServerConfig server, string dirName, string directory, string archiverName, bool enabled, CheckCollector checks)
    {
        var count = Directory.Exists(directory)
            ? Directory.EnumerateFileSystemEntries(directory).Count(f => !f.EndsWith(".tmp", StringComparison.Ordinal))
            : 0;
        // The streaming directory always keeps pg_receivewal's .partial file.
        if (dirName == "streaming")
        {
            count--;
        }
        checks.Start($"empty {dirName} directory");
        if (!enabled)
        {
            if (count > 0)
            {
                checks.Result($"empty {dirName} directory", false, $"'{directory}' must be empty when {archiverName}=off");
            }
            return;
        }
        if (server.MaxIncomingWalsQueue is { } max && count > max)
        {
            checks.Start($"{dirName} WALs directory");
            checks.Result($"{dirName} WALs directory", false,
                string.Create(CultureInfo.InvariantCulture, $"there are too many WALs in queue: {count}, max {max}"));
        }
    }

    /// <summary>A retention_policy that does not parse is not enforced: "FAILED (see log)".</summary>
    public static void Retention(ServerConfig server, CheckCollector checks)
    {
        checks.Start("retention policy settings");
        var configured = server.Get("retention_policy") is { Length: > 0 };
        checks.Result("retention policy settings", !configured || server.RetentionPolicy is not null, configured && server.RetentionPolicy is null ? "see log" : null);
    }

    public static void BackupValidity(ServerConfig server, CatalogFacts catalog, TimeProvider clock, CheckCollector checks)
    {
        var last = catalog.LastDone;
        checks.Start("backup maximum age");
        if (server.LastBackupMaximumAge is { } maxAge)
        {
            var now = clock.GetUtcNow();
            var (ok, age) = last?.EndTime is { } end
                ? (end >= now - maxAge, HumanFormat.Duration(now - end))
                : (false, "No available backups");
            checks.Result("backup maximum age", ok, $"interval provided: {HumanFormat.Duration(maxAge)}, latest backup age: {age}");
        }
        else
        {
            checks.Result("backup maximum age", true, "no last_backup_maximum_age provided");
        }
        checks.Start("backup minimum size");
        var size = last?.Size ?? 0;
        checks.BackupSize = size;
        if (server.LastBackupMinimumSize is { } minimum)
        {
            var ok = last is not null && size >= minimum;
            checks.Result("backup minimum size", ok, $"last backup size {HumanFormat.Size(size)} {(ok ? ">" : "<")} {HumanFormat.Size(minimum)} minimum");
        }
        else
        {
            checks.Result("backup minimum size", true, HumanFormat.Size(size));
        }
        if (server.RestoreTestMaximumAge is { } testAge)
        {
            RestoreTest(server, last, testAge, clock, checks);
        }
    }

    /// <summary>
    /// An extension, printed only when restore_test_maximum_age is set: the latest backup must have passed a
    /// restore test (barman restore-test) no longer ago than that.
    /// </summary>
    private static void RestoreTest(ServerConfig server, BackupFacts? last, TimeSpan maxAge, TimeProvider clock, CheckCollector checks)
    {
        checks.Start("restore test");
        var interval = $"interval provided: {HumanFormat.Duration(maxAge)}";
        if (last is null)
        {
            checks.Result("restore test", false, $"{interval}, no backups to test");
            return;
        }
        var run = $"run 'barman restore-test {server.Name} {last.Id}'";
        if (Recovery.RestoreTestAnnotation.Read(Path.Combine(server.BaseBackupsDirectory, last.Id)) is not { } test)
        {
            checks.Result("restore test", false, $"{interval}, latest backup {last.Id} was never restore-tested: {run}");
            return;
        }
        var age = HumanFormat.Duration(clock.GetUtcNow() - test.Time);
        if (!test.Ok)
        {
            checks.Result("restore test", false, $"restore test of latest backup {last.Id} FAILED {age} ago ({test.Error ?? "no reason recorded"}): fix it, then {run}");
            return;
        }
        var fresh = test.Time >= clock.GetUtcNow() - maxAge;
        checks.Result("restore test", fresh, fresh
            ? $"{interval}, latest backup {last.Id} restore-tested OK {age} ago"
            : $"{interval}, latest backup {last.Id} restore-tested OK {age} ago: {run}");
    }

    public static void WalValidity(ServerConfig server, CatalogFacts catalog, TimeProvider clock, CheckCollector checks)
    {
        checks.Start("wal maximum age");
        var last = catalog.LastDone;
        var (walSize, lastTime) = last is null ? (0L, (double?)null) : catalog.WalAfterLastBackup(last);
        if (server.LastWalMaximumAge is { } maxAge)
        {
            if (last is null || lastTime is null)
            {
                checks.Result("wal maximum age", false, "No WAL files archived for last backup");
            }
            else
            {
                var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds((long)(lastTime.Value * 1000));
                checks.Result("wal maximum age", age <= maxAge,
                    $"interval provided: {HumanFormat.Duration(maxAge)}, latest wal age: {HumanFormat.Duration(age)}");
            }
        }
        else
        {
            checks.Result("wal maximum age", true, "no last_wal_maximum_age provided");
        }
        checks.Start("wal size");
        checks.WalSize = walSize;
        checks.Result("wal size", true, HumanFormat.Size(walSize));
    }

    /// <summary>The backup manager's checks: compression settings, failed backups, minimum redundancy.</summary>
    public static void BackupManager(ServerConfig server, CatalogFacts catalog, CheckCollector checks)
    {
        checks.Start("compression settings");
        var compression = server.Compression;
        var compressionOk = compression is null
            || (Compressions.Contains(compression)
                && (compression != "custom" || (server.Get("custom_compression_filter") is not null && server.Get("custom_decompression_filter") is not null)));
        checks.Result("compression settings", compressionOk);

        checks.Start("failed backups");
        var failed = catalog.WithStatus(BackupFacts.Failed).Length;
        checks.Result("failed backups", failed == 0, string.Create(CultureInfo.InvariantCulture, $"there are {failed} failed backups"));

        checks.Start("minimum redundancy requirements");
        var done = catalog.WithStatus(BackupFacts.Done).Length;
        checks.Result("minimum redundancy requirements", done >= server.MinimumRedundancy,
            string.Create(CultureInfo.InvariantCulture, $"have {done} backups, expected at least {server.MinimumRedundancy}"));
    }

    public static void ArchiverErrors(CatalogFacts catalog, CheckCollector checks)
    {
        checks.Start("archiver errors");
        var errors = catalog.ErrorFiles();
        checks.Result("archiver errors", errors.IsEmpty, SummariseErrors(errors));
    }

    /// <summary>"duplicates: 1, unknown: 1": counts per kind, in order of first appearance.</summary>
    internal static string? SummariseErrors(IEnumerable<string> names)
    {
        var counters = new List<(string Kind, int Count)>();
        foreach (var name in names)
        {
            var kind = name.EndsWith(".error", StringComparison.Ordinal) ? "not relevant"
                : name.EndsWith(".duplicate", StringComparison.Ordinal) ? "duplicates"
                : name.EndsWith(".unknown", StringComparison.Ordinal) ? "unknown"
                : "unknown failure";
            var i = counters.FindIndex(c => c.Kind == kind);
            if (i < 0)
            {
                counters.Add((kind, 1));
            }
            else
            {
                counters[i] = (kind, counters[i].Count + 1);
            }
        }
        return counters.Count == 0 ? null : string.Join(", ", counters.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Kind}: {c.Count}")));
    }
}
