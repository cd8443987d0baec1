// Barman's "remote status" dictionary of a server (PostgreSQL, streaming, archivers, client programs) as typed JSON values.
using System.Globalization;
using System.Text.Json.Nodes;
using Barman.Core.Formatting;
using Barman.Core.Postgres;

namespace Barman.Core.Servers;

/// <summary>How values are rendered: show-servers prints Python str() forms, diagnose uses its JSON encoder's forms.</summary>
public enum RemoteStatusFlavor
{
    ShowServers,
    Diagnose,
}

/// <summary>Builds the key/value pairs barman's get_remote_status returns, with the same keys present or absent.</summary>
public static class RemoteStatus
{
    public static Dictionary<string, JsonNode?> Build(ServerProbe probe, RemoteStatusFlavor flavor)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (probe.Postgres is { } pg)
        {
            AddPostgres(result, pg, flavor);
        }
        if (probe.Streaming is { } streaming)
        {
            result["connection_error"] = streaming.ConnectionError;
            result["streaming_supported"] = streaming.Connected ? true : null;
            result["streaming"] = streaming.Connected ? true : null;
            result["streaming_systemid"] = streaming.SystemId;
            result["timeline"] = streaming.Timeline;
            result["xlogpos"] = streaming.XlogPos;
            result["version_supported"] = streaming.Connected ? true : result.GetValueOrDefault("version_supported")?.DeepClone();
        }
        if (probe.Server.Archiver)
        {
            AddFileArchiver(result, probe.Postgres, flavor);
        }
        if (probe.PgReceiveWal is { } receive)
        {
            AddClient(result, "pg_receivexlog", receive, probe.StreamingMajor);
            var compatible = receive.Installed ? receive.CompatibleWith(probe.StreamingMajor) : null;
            result["pg_receivexlog_supports_slots"] = compatible is null ? null : compatible == true;
            result["pg_receivexlog_synchronous"] = compatible is null ? null
                : probe.Postgres is not { Connected: true } p ? null
                : p.SynchronousStandbyNames.Contains(probe.Server.StreamingArchiverName) || p.SynchronousStandbyNames.Contains("*");
        }
        if (probe.PgBaseBackup is { } basebackup)
        {
            AddClient(result, "pg_basebackup", basebackup, probe.StreamingMajor);
            if (basebackup.Installed)
            {
                result["pg_basebackup_bwlimit"] = true;
                result["pg_basebackup_tbls_mapping"] = true;
            }
            else
            {
                result["pg_basebackup_bwlimit"] = null;
                result["pg_basebackup_tbls_mapping"] = null;
            }
        }
        return result;
    }

    private static void AddPostgres(Dictionary<string, JsonNode?> r, PostgresFacts pg, RemoteStatusFlavor flavor)
    {
        // The keys barman initialises to None before it queries anything.
        r["data_directory"] = pg.Setting("data_directory");
        r["server_txt_version"] = pg.ServerTxtVersion;
        r["is_superuser"] = pg.IsSuperuser;
        r["is_in_recovery"] = pg.IsInRecovery;
        r["current_xlog"] = pg.CurrentXlog;
        r["replication_slot_support"] = pg.Connected ? true : null;
        r["replication_slot"] = Slot(pg.ReplicationSlot, flavor);
        r["synchronous_standby_names"] = pg.Connected ? new JsonArray([.. pg.SynchronousStandbyNames.Select(n => (JsonNode?)JsonValue.Create(n))]) : null;
        r["postgres_systemid"] = pg.SystemId;
        r["version_supported"] = pg.VersionSupported;
        if (!pg.Connected)
        {
            return;
        }
        foreach (var (name, value) in pg.Settings)
        {
            r[name] = value;
        }
        r["has_backup_privileges"] = pg.HasBackupPrivileges;
        r["current_lsn"] = pg.CurrentLsn;
        r["current_size"] = pg.CurrentSize is null ? null
            : flavor == RemoteStatusFlavor.Diagnose ? JsonValue.Create(double.Parse(pg.CurrentSize, CultureInfo.InvariantCulture))
            : JsonValue.Create(PythonDecimal.Str(pg.CurrentSize));
        r["archive_timeout"] = pg.ArchiveTimeout;
        r["checkpoint_timeout"] = pg.CheckpointTimeout;
        r["xlog_segment_size"] = pg.XlogSegmentSize;
        foreach (var (name, path) in pg.ConfigurationFiles)
        {
            r[name] = path;
        }
        if (!pg.IncludedFiles.IsEmpty)
        {
            r["included_files"] = new JsonArray([.. pg.IncludedFiles.Select(f => (JsonNode?)JsonValue.Create(f))]);
        }
    }

    private static void AddFileArchiver(Dictionary<string, JsonNode?> r, PostgresFacts? pg, RemoteStatusFlavor flavor)
    {
        r["archive_mode"] = pg?.ArchiveMode;
        r["archive_command"] = pg?.ArchiveCommand;
        if (pg?.Archiver is not { } a)
        {
            return;
        }
        r["archived_count"] = a.ArchivedCount;
        r["last_archived_wal"] = a.LastArchivedWal;
        r["last_archived_time"] = Time(a.LastArchivedTime, flavor);
        r["failed_count"] = a.FailedCount;
        r["last_failed_wal"] = a.LastFailedWal;
        r["last_failed_time"] = Time(a.LastFailedTime, flavor);
        r["stats_reset"] = Time(a.StatsReset, flavor);
        r["is_archiving"] = a.IsArchiving;
        r["current_archived_wals_per_second"] = a.ArchivedWalsPerSecond is null ? null
            : flavor == RemoteStatusFlavor.Diagnose ? JsonValue.Create(double.Parse(a.ArchivedWalsPerSecond, CultureInfo.InvariantCulture))
            : JsonValue.Create(PythonDecimal.Str(a.ArchivedWalsPerSecond));
    }

    private static void AddClient(Dictionary<string, JsonNode?> r, string prefix, ClientTool tool, string? serverMajor)
    {
        r[prefix + "_installed"] = tool.Installed;
        r[prefix + "_path"] = tool.Path;
        r[prefix + "_version"] = tool.FullVersion;
        r[prefix + "_compatible"] = tool.Installed ? tool.CompatibleWith(serverMajor) : null;
    }

    private static JsonNode? Slot(ReplicationSlotInfo? slot, RemoteStatusFlavor flavor)
    {
        if (slot is null)
        {
            return null;
        }
        var lsn = slot.RestartLsn;
        return flavor == RemoteStatusFlavor.Diagnose
            ? new JsonArray(slot.SlotName, slot.Active, lsn)
            : $"Record(slot_name='{slot.SlotName}', active={(slot.Active ? "True" : "False")}, restart_lsn={(lsn is null ? "None" : $"'{lsn}'")})";
    }

    /// <summary>A timestamptz: str() form for show-servers, ISO with 'T' for diagnose; local time zone.</summary>
    private static JsonNode? Time(double? epoch, RemoteStatusFlavor flavor)
    {
        if (epoch is not { } e)
        {
            return null;
        }
        var utc = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(e * 1_000_000) * 10);
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.Local);
        var text = HumanFormat.IsoWithOffset(local);
        return flavor == RemoteStatusFlavor.Diagnose ? text.Replace(' ', 'T') : text;
    }
}
