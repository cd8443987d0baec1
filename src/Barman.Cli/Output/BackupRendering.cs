// list-backup and show-backup rendered as barman's console text and JSON objects (shared by both writers).
using System.Globalization;
using System.Text.Json.Nodes;
using Barman.Core.Catalog;
using Barman.Core.Formatting;
using Barman.Core.Output;
using Barman.Core.Retention;

namespace Barman.Cli.Output;

/// <summary>Formats catalog results exactly as barman 3.4's console and JSON writers do.</summary>
internal static class BackupRendering
{
    /// <summary>One list-backup console line.</summary>
    public static string ListLine(BackupListRow row)
    {
        var b = row.Info;
        var s = $"{row.ServerName} {b.BackupId} " + (b.BackupName is null ? "- " : $"'{b.BackupName}' - ");
        if (!BackupCatalog.CopyDone.Contains(b.Status))
        {
            return s + b.Status;
        }
        s += $"{CTime(b.EndTime)} - Size: {HumanFormat.Size(row.SizeBytes)} - WAL Size: {HumanFormat.Size(row.WalSizeBytes)}";
        var tablespaces = b.Tablespaces;
        if (tablespaces.Length > 0)
        {
            s += " (tablespaces: " + string.Join(", ", tablespaces.Select(t => $"{t.Name}:{t.Location}")) + ")";
        }
        if (b.Status == BackupInfo.StatusWaitingForWals)
        {
            s += " - " + BackupInfo.StatusWaitingForWals;
        }
        if (row.RetentionStatus is { } tag)
        {
            s += " - " + tag;
        }
        return s;
    }

    /// <summary>One list-backup JSON entry.</summary>
    public static JsonNode ListJson(BackupListRow row)
    {
        var b = row.Info;
        var o = new JsonObject { ["backup_id"] = b.BackupId };
        if (b.BackupName is not null)
        {
            o["backup_name"] = b.BackupName;
        }
        if (!BackupCatalog.CopyDone.Contains(b.Status))
        {
            o["status"] = b.Status;
            return o;
        }
        o["end_time_timestamp"] = Timestamp(b.EndTime);
        o["end_time"] = CTime(b.EndTime);
        o["size_bytes"] = row.SizeBytes;
        o["wal_size_bytes"] = row.WalSizeBytes;
        o["size"] = HumanFormat.Size(row.SizeBytes);
        o["wal_size"] = HumanFormat.Size(row.WalSizeBytes);
        o["status"] = b.Status;
        o["retention_status"] = row.RetentionStatus ?? RetentionStatus.None;
        o["tablespaces"] = new JsonArray([.. b.Tablespaces.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["location"] = t.Location })]);
        return o;
    }

    /// <summary>show-backup console lines (the ':' at column 25).</summary>
    public static IEnumerable<string> ShowLines(ShowBackupResult r)
    {
        var b = r.Info;
        static string Row(string label, object? value) => "  " + label.PadRight(23) + ": " + Str(value);
        static string Nested(string label, object? value) => "    " + label.PadRight(21) + ": " + Str(value);
        yield return $"Backup {b.BackupId}:";
        if (b.BackupName is not null)
        {
            yield return Row("Backup Name", b.BackupName);
        }
        yield return Row("Server Name", b.ServerName);
        if (!string.IsNullOrEmpty(b.SystemId))
        {
            yield return Row("System Id", b.SystemId);
        }
        yield return Row("Status", b.Status);
        if (!BackupCatalog.CopyDone.Contains(b.Status))
        {
            if (!string.IsNullOrEmpty(b.Error))
            {
                yield return Row("Error", b.Error);
            }
            yield break;
        }
        yield return Row("PostgreSQL Version", b.Version);
        yield return Row("PGDATA directory", b.Pgdata);
        yield return string.Empty;
        var tablespaces = b.Tablespaces;
        if (tablespaces.Length > 0)
        {
            yield return "  Tablespaces:";
            foreach (var t in tablespaces)
            {
                yield return Nested(t.Name, $"{t.Location} (oid: {t.Oid.ToString(CultureInfo.InvariantCulture)})");
            }
            yield return string.Empty;
        }
        var w = r.Wal;
        yield return "  Base backup information:";
        if (b.Size is { } size)
        {
            yield return Nested("Disk usage", $"{HumanFormat.Size(size)} ({HumanFormat.Size(size + w.WalSize)} with WALs)");
            if (b.DeduplicatedSize is { } dedup && size > 0)
            {
                yield return Nested("Incremental size", $"{HumanFormat.Size(dedup)} (-{Percent(1 - ((double)dedup / size))})");
            }
        }
        yield return Nested("Timeline", b.Timeline);
        yield return Nested("Begin WAL", b.BeginWal);
        yield return Nested("End WAL", b.EndWal);
        yield return Nested("WAL number", w.WalNum);
        if (w.WalCompressionRatio > 0)
        {
            yield return Nested("WAL compression ratio", Percent(w.WalCompressionRatio));
        }
        yield return Nested("Begin time", Iso(b.BeginTime));
        yield return Nested("End time", Iso(b.EndTime));
        if (b.CopyStat("copy_time") is { } copyTime and not 0)
        {
            var value = HumanFormat.Duration(TimeSpan.FromSeconds(copyTime));
            if (b.CopyStat("analysis_time") is { } analysis && analysis >= 1)
            {
                value += $" + {HumanFormat.Duration(TimeSpan.FromSeconds(analysis))} startup";
            }
            yield return Nested("Copy time", value);
            if ((b.DeduplicatedSize is > 0 ? b.DeduplicatedSize : b.Size) is { } bytes)
            {
                var throughput = HumanFormat.Size(bytes / copyTime) + "/s";
                if (b.CopyStat("number_of_workers") is { } workers && workers > 1)
                {
                    throughput += $" ({workers.ToString(CultureInfo.InvariantCulture)} jobs)";
                }
                yield return Nested("Estimated throughput", throughput);
            }
        }
        yield return Nested("Begin Offset", b.BeginOffset);
        yield return Nested("End Offset", b.EndOffset);
        yield return Nested("Begin LSN", b.BeginXlog);
        yield return Nested("End LSN", b.EndXlog);
        yield return string.Empty;
        yield return "  WAL information:";
        yield return Nested("No of files", w.UntilNextNum);
        yield return Nested("Disk usage", HumanFormat.Size(w.UntilNextSize));
        if (w.WalsPerSecond > 0)
        {
            yield return Nested("WAL rate", Rate(w.WalsPerSecond));
        }
        if (w.UntilNextCompressionRatio > 0)
        {
            yield return Nested("Compression ratio", Percent(w.UntilNextCompressionRatio));
        }
        yield return Nested("Last available", w.Last);
        if (w.ChildTimelines.Length > 0)
        {
            yield return Nested("Reachable timelines", string.Join(", ", w.ChildTimelines));
        }
        yield return string.Empty;
        yield return "  Catalog information:";
        yield return Nested("Retention Policy", r.RetentionStatus ?? "not enforced");
        yield return Nested("Previous Backup", r.PreviousId ?? "- (this is the oldest base backup)");
        yield return Nested("Next Backup", r.NextId ?? "- (this is the latest base backup)");
        if (r.RestoreTest is { } test)
        {
            yield return Nested("Last restore test", test.Describe(TimeZoneInfo.Local));
        }
        // barman ends show-backup with this warning, so it stays last.
        if (w.ChildTimelines.Length > 0)
        {
            yield return string.Empty;
            yield return "WARNING: " + MultipleTimelinesWarning;
        }
    }

    private const string MultipleTimelinesWarning = "WAL information is inaccurate due to multiple timelines interacting with this backup";

    // barman 3.4's JSON text keeps the indentation of its source's line continuations (20 spaces each).
    private const string MultipleTimelinesJsonWarning =
        "WAL information is inaccurate                     due to multiple timelines interacting with                     this backup";

    /// <summary>show-backup JSON object (keyed by server by the caller).</summary>
    public static JsonObject ShowJson(ShowBackupResult r)
    {
        var b = r.Info;
        var o = new JsonObject { ["backup_id"] = b.BackupId, ["status"] = b.Status };
        if (b.BackupName is not null)
        {
            o["backup_name"] = b.BackupName;
        }
        if (!BackupCatalog.CopyDone.Contains(b.Status))
        {
            if (!string.IsNullOrEmpty(b.Error))
            {
                o["error"] = b.Error;
            }
            return o;
        }
        o["postgresql_version"] = b.Version;
        o["pgdata_directory"] = b.Pgdata;
        o["tablespaces"] = new JsonArray([.. b.Tablespaces.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["location"] = t.Location, ["oid"] = t.Oid })]);
        var w = r.Wal;
        var size = b.Size ?? 0;
        var bbi = new JsonObject
        {
            ["disk_usage"] = HumanFormat.Size(size),
            ["disk_usage_bytes"] = size,
            ["disk_usage_with_wals"] = HumanFormat.Size(size + w.WalSize),
            ["disk_usage_with_wals_bytes"] = size + w.WalSize,
        };
        if (b.DeduplicatedSize is { } dedup && size > 0)
        {
            bbi["incremental_size"] = HumanFormat.Size(dedup);
            bbi["incremental_size_bytes"] = dedup;
            bbi["incremental_size_ratio"] = "-" + Percent(1 - ((double)dedup / size));
        }
        bbi["timeline"] = b.Timeline;
        bbi["begin_wal"] = b.BeginWal;
        bbi["end_wal"] = b.EndWal;
        if (w.WalCompressionRatio > 0)
        {
            bbi["wal_compression_ratio"] = Percent(w.WalCompressionRatio);
        }
        bbi["begin_time_timestamp"] = Timestamp(b.BeginTime);
        bbi["begin_time"] = Iso(b.BeginTime);
        bbi["end_time_timestamp"] = Timestamp(b.EndTime);
        bbi["end_time"] = Iso(b.EndTime);
        if (b.CopyStat("copy_time") is { } copyTime and not 0)
        {
            var analysis = b.CopyStat("analysis_time") ?? 0;
            bbi["copy_time"] = HumanFormat.Duration(TimeSpan.FromSeconds(copyTime));
            bbi["copy_time_seconds"] = Number(b.CopyStatValue("copy_time"), 0);
            bbi["analysis_time"] = HumanFormat.Duration(TimeSpan.FromSeconds(analysis));
            bbi["analysis_time_seconds"] = Number(b.CopyStatValue("analysis_time"), 0);
            var bytes = b.DeduplicatedSize is > 0 ? b.DeduplicatedSize.Value : size;
            bbi["throughput"] = HumanFormat.Size(bytes / copyTime) + "/s";
            bbi["throughput_bytes"] = bytes / copyTime;
            bbi["number_of_workers"] = Number(b.CopyStatValue("number_of_workers"), 1);
        }
        bbi["begin_offset"] = b.BeginOffset;
        bbi["end_offset"] = b.EndOffset;
        bbi["begin_lsn"] = b.BeginXlog;
        bbi["end_lsn"] = b.EndXlog;
        o["base_backup_information"] = bbi;
        var walInformation = new JsonObject
        {
            ["no_of_files"] = w.UntilNextNum,
            ["disk_usage"] = HumanFormat.Size(w.UntilNextSize),
            ["disk_usage_bytes"] = w.UntilNextSize,
            ["wal_rate"] = w.WalsPerSecond > 0 ? Rate(w.WalsPerSecond) : 0,
            ["wal_rate_per_second"] = w.WalsPerSecond > 0 ? JsonValue.Create(w.WalsPerSecond) : JsonValue.Create(0),
            ["compression_ratio"] = w.UntilNextCompressionRatio > 0 ? Percent(w.UntilNextCompressionRatio) : 0,
            ["last_available"] = w.Last,
            ["timelines"] = new JsonArray([.. w.ChildTimelines.Select(t => (JsonNode)t.ToString(CultureInfo.InvariantCulture))]),
        };
        if (w.ChildTimelines.Length > 0)
        {
            walInformation["_WARNING"] = MultipleTimelinesJsonWarning;
        }
        o["wal_information"] = walInformation;
        o["catalog_information"] = new JsonObject
        {
            ["retention_policy"] = r.RetentionStatus ?? "not enforced",
            ["previous_backup"] = r.PreviousId ?? "- (this is the oldest base backup)",
            ["next_backup"] = r.NextId ?? "- (this is the latest base backup)",
        };
        if (r.RestoreTest is { } test)
        {
            o["catalog_information"]!["last_restore_test"] = new JsonObject
            {
                ["status"] = test.Ok ? "OK" : "FAILED",
                ["time"] = Iso(test.Time),
                ["time_timestamp"] = Timestamp(test.Time),
                ["total_seconds"] = test.TotalSeconds,
                ["copy_seconds"] = test.CopySeconds,
                ["replay_seconds"] = test.ReplaySeconds,
                ["error"] = test.Error,
            };
        }
        return o;
    }

    // Python's str() of the values show-backup prints: None for null.
    private static string Str(object? value) => value switch
    {
        null => "None",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "None",
    };

    // copy_stats values keep their Python type (int or float); a missing one is barman's int default.
    private static JsonNode Number(object? value, long fallback) => value switch
    {
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(fallback),
    };

    private static string Percent(double ratio) => (ratio * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Rate(double perSecond) => (perSecond * 3600).ToString("F2", CultureInfo.InvariantCulture) + "/hour";

    private static DateTimeOffset Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, TimeZoneInfo.Local);

    private static string CTime(DateTimeOffset? t) => t is { } v ? HumanFormat.CTime(Local(v).DateTime) : "None";

    private static string Iso(DateTimeOffset? t) => t is { } v ? HumanFormat.IsoWithOffset(Local(v)) : "None";

    private static string Timestamp(DateTimeOffset? t) => t is { } v ? v.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "None";
}
