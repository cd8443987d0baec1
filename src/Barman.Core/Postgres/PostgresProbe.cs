// Collects PostgresFacts / StreamingFacts with barman's queries; never throws for an unreachable server.
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Logging;
using Npgsql;
using Npgsql.Replication;

namespace Barman.Core.Postgres;

/// <summary>Reads what check, status and show-servers need from a live server.</summary>
public static class PostgresProbe
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.postgres"); // taken at each use: see BarmanLog.Defer

    private static readonly string[] ShowSettings =
        ["wal_level", "hot_standby", "max_wal_senders", "data_checksums", "max_replication_slots", "wal_compression", "wal_keep_size"];

    /// <summary>Facts of the conninfo connection; <see cref="PostgresFacts.Unreachable"/> when it cannot connect.</summary>
    public static async Task<PostgresFacts> FetchAsync(string conninfo, string? slotName, bool withArchiver, int timeoutSeconds, CancellationToken ct)
    {
        PostgresClient client;
        try
        {
            client = await PostgresClient.ConnectAsync(conninfo, "barman", timeoutSeconds, ct);
        }
        catch (Errors.BarmanException e)
        {
            Log.WarningLine($"Error retrieving PostgreSQL status: {e.Message}");
            return PostgresFacts.Unreachable(e.Message);
        }
        await using (client)
        {
            var first = await client.RowAsync(
                "SELECT current_setting('server_version'), current_setting('is_superuser'), pg_is_in_recovery()::text", ct);
            if (first?[0] is null)
            {
                return PostgresFacts.Unreachable(null);
            }
            var version = client.ServerVersionNum;
            var inRecovery = first[2] == "true";
            var privileges = await client.ScalarAsync(BackupPrivilegesSql(version), ct) == "true";
            var settings = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
            foreach (var name in ShowSettings)
            {
                settings[name] = await client.ScalarAsync($"SHOW \"{name}\"", ct);
            }
            if (privileges)
            {
                settings["data_directory"] = await client.ScalarAsync("SHOW \"data_directory\"", ct);
            }
            var xlog = inRecovery
                ? await client.RowAsync("SELECT pg_last_wal_replay_lsn()::text, NULL", ct)
                : await client.RowAsync("SELECT l::text, (pg_walfile_name_offset(l)).file_name FROM pg_current_wal_lsn() AS l", ct);
            var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var row in await client.RowsAsync(
                "SELECT name, setting FROM pg_settings WHERE name IN ('config_file', 'hba_file', 'ident_file')", ct) ?? [])
            {
                files[row[0]!] = row[1]!;
            }
            var included = await client.RowsAsync(
                "SELECT DISTINCT sourcefile FROM pg_settings WHERE sourcefile IS NOT NULL AND sourcefile NOT IN "
                + "(SELECT setting FROM pg_settings WHERE name = 'config_file') ORDER BY 1", ct) ?? [];
            ReplicationSlotInfo? slot = null;
            if (slotName is not null
                && await client.RowAsync(
                    "SELECT slot_name::text, active::text, restart_lsn::text FROM pg_replication_slots "
                    + $"WHERE slot_type = 'physical' AND slot_name = {Literal(slotName)}", ct) is { } s)
            {
                slot = new ReplicationSlotInfo(s[0]!, s[1] == "true", s[2]);
            }
            var syncNames = await client.ScalarAsync("SHOW synchronous_standby_names", ct);
            ArchiverStats? archiver = null;
            string? archiveMode = null, archiveCommand = null;
            if (withArchiver)
            {
                archiveMode = await client.ScalarAsync("SHOW archive_mode", ct);
                archiveCommand = await client.ScalarAsync("SHOW archive_command", ct);
                archiver = await ArchiverStatsAsync(client, ct);
            }
            var tablespaces = await client.ScalarAsync(
                "SELECT count(*)::text FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')", ct);
            return new PostgresFacts(
                first[0]!.Split(' ')[0],
                version,
                first[1] == "on",
                privileges,
                inRecovery,
                xlog?[0],
                xlog?[1],
                await client.ScalarAsync("SELECT sum(pg_tablespace_size(oid))::text FROM pg_tablespace", ct),
                Int(await client.ScalarAsync("SELECT setting FROM pg_settings WHERE name = 'archive_timeout'", ct)),
                Int(await client.ScalarAsync("SELECT setting FROM pg_settings WHERE name = 'checkpoint_timeout'", ct)),
                Int(await client.ScalarAsync("SELECT setting FROM pg_settings WHERE name = 'wal_segment_size'", ct)),
                settings.ToImmutable(),
                files.ToImmutable(),
                [.. included.Select(r => r[0]!)],
                slot,
                syncNames is null ? [] : [.. syncNames.Split(',').Select(n => n.Trim())],
                await client.ScalarAsync("SELECT system_identifier::text FROM pg_control_system()", ct),
                archiveMode,
                archiveCommand,
                archiver,
                Int(tablespaces) ?? 0,
                null);
        }
    }

    /// <summary>IDENTIFY_SYSTEM over a physical replication connection.</summary>
    public static async Task<StreamingFacts> FetchStreamingAsync(string conninfo, int timeoutSeconds, CancellationToken ct)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = ConnectionSettings.ToNpgsql(
                Conninfo.Parse(conninfo), Environment.GetEnvironmentVariable, Environment.UserName, "barman", timeoutSeconds);
        }
        catch (Errors.BarmanException e)
        {
            Log.WarningLine($"Error retrieving PostgreSQL status: {e.Message}");
            return new StreamingFacts(null, null, null, null, e.Message);
        }
        try
        {
            await using var connection = new PhysicalReplicationConnection(settings.ConnectionString);
            await connection.Open(ct);
            var id = await connection.IdentifySystem(ct);
            var version = connection.PostgreSqlVersion;
            return new StreamingFacts(
                string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}"),
                id.SystemId, (int)id.Timeline, id.XLogPos.ToString(), null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            var message = LibpqError.Describe(settings.Host!, settings.Port, e);
            Log.WarningLine($"Error retrieving PostgreSQL status: {message}");
            return new StreamingFacts(null, null, null, null, message);
        }
    }

    private static async Task<ArchiverStats?> ArchiverStatsAsync(PostgresClient client, CancellationToken ct)
    {
        var r = await client.RowAsync(
            "SELECT archived_count::text, last_archived_wal, extract(epoch from last_archived_time)::text, failed_count::text, "
            + "last_failed_wal, extract(epoch from last_failed_time)::text, extract(epoch from stats_reset)::text, "
            + "(current_setting('archive_mode') IN ('on', 'always') AND (last_failed_wal IS NULL "
            + "OR last_failed_wal LIKE '%.history' AND substring(last_failed_wal from 1 for 8) <= substring(last_archived_wal from 1 for 8) "
            + "OR last_failed_time <= last_archived_time))::text, "
            + "(CAST(archived_count AS NUMERIC) / EXTRACT(EPOCH FROM age(now(), stats_reset)))::text "
            + "FROM pg_stat_archiver", ct);
        if (r is null)
        {
            return null;
        }
        return new ArchiverStats(
            long.Parse(r[0]!, CultureInfo.InvariantCulture), r[1], Double(r[2]),
            long.Parse(r[3]!, CultureInfo.InvariantCulture), r[4], Double(r[5]), Double(r[6]), r[7] == "true", r[8]);
    }

    private static string BackupPrivilegesSql(int version)
    {
        var (start, stop) = version >= 150000
            ? ("pg_backup_start(text, bool)", "pg_backup_stop(bool)")
            : ("pg_start_backup(text, bool, bool)", "pg_stop_backup(bool, bool)");
        return "SELECT (usesuper OR ((pg_has_role(CURRENT_USER, 'pg_monitor', 'MEMBER') "
            + "OR (pg_has_role(CURRENT_USER, 'pg_read_all_settings', 'MEMBER') AND pg_has_role(CURRENT_USER, 'pg_read_all_stats', 'MEMBER'))) "
            + $"AND has_function_privilege(CURRENT_USER, '{start}', 'EXECUTE') "
            + $"AND has_function_privilege(CURRENT_USER, '{stop}', 'EXECUTE') "
            + "AND has_function_privilege(CURRENT_USER, 'pg_switch_wal()', 'EXECUTE') "
            + "AND has_function_privilege(CURRENT_USER, 'pg_create_restore_point(text)', 'EXECUTE')))::text "
            + "FROM pg_user WHERE usename = CURRENT_USER";
    }

    /// <summary>A SQL string literal (standard_conforming_strings is on since 9.1).</summary>
    internal static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static double? Double(string? s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
