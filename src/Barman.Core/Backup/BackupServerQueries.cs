// The few PostgreSQL queries a backup needs (position and time, settings, tablespaces, restore point), over PostgresClient.
using System.Globalization;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Postgres;

namespace Barman.Core.Backup;

/// <summary>A WAL position with its file, offset, timeline and the server's clock (barman's current_xlog_info).</summary>
public sealed record XlogPosition(string Location, string FileName, long FileOffset, int Timeline, DateTimeOffset Timestamp);

/// <summary>Server facts recorded in backup.info at start.</summary>
public sealed record ServerFacts(int Version, string SystemId, string DataDirectory, string ConfigFile, string HbaFile, string IdentFile,
    IReadOnlyList<(string Name, long Oid, string Location)> Tablespaces);

/// <summary>Queries over one connection to the server (conninfo).</summary>
public sealed class BackupServerQueries(PostgresClient client) : IAsyncDisposable
{
    public static async Task<BackupServerQueries> ConnectAsync(ServerConfig server, CancellationToken ct) =>
        new(await PostgresClient.ConnectAsync(server.Conninfo ?? string.Empty, "barman", server.CheckTimeout, ct));

    /// <summary>pg_current_wal_lsn() with pg_walfile_name_offset() and the transaction timestamp (microseconds).</summary>
    public async Task<XlogPosition> CurrentXlogAsync(CancellationToken ct)
    {
        var row = await client.RowAsync(
            "SELECT l::text, (pg_walfile_name_offset(l)).file_name, (pg_walfile_name_offset(l)).file_offset::text, "
            + "(SELECT timeline_id FROM pg_control_checkpoint())::text, (extract(epoch FROM CURRENT_TIMESTAMP) * 1000000)::bigint::text "
            + "FROM pg_current_wal_lsn() AS l", ct) ?? throw new PostgresException("Cannot read the current WAL position");
        var micros = long.Parse(row[4]!, CultureInfo.InvariantCulture);
        var utc = DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.Local);
        return new XlogPosition(row[0]!, row[1]!, long.Parse(row[2]!, CultureInfo.InvariantCulture), int.Parse(row[3]!, CultureInfo.InvariantCulture), local);
    }

    /// <summary>Version number, system id, data directory, configuration files and tablespaces.</summary>
    public async Task<ServerFacts> FactsAsync(CancellationToken ct)
    {
        var row = await client.RowAsync(
            "SELECT current_setting('server_version_num'), (SELECT system_identifier FROM pg_control_system())::text, "
            + "current_setting('data_directory'), current_setting('config_file'), current_setting('hba_file'), current_setting('ident_file')", ct)
            ?? throw new PostgresException("Cannot read the server settings");
        var tablespaces = (await client.RowsAsync(
            "SELECT spcname, oid::text, pg_tablespace_location(oid) FROM pg_tablespace WHERE pg_tablespace_location(oid) <> '' ORDER BY oid", ct) ?? [])
            .Select(r => (r[0]!, long.Parse(r[1]!, CultureInfo.InvariantCulture), r[2]!)).ToList();
        return new ServerFacts(int.Parse(row[0]!, CultureInfo.InvariantCulture), row[1]!, row[2]!, row[3]!, row[4]!, row[5]!, tablespaces);
    }

    /// <summary>pg_create_restore_point(name); false when it failed (logged by the client).</summary>
    public async Task<bool> CreateRestorePointAsync(string name, CancellationToken ct) =>
        await client.ScalarAsync("SELECT pg_create_restore_point('" + name.Replace("'", "''", StringComparison.Ordinal) + "')::text", ct) is not null;

    /// <summary>pg_switch_wal(), so the segment holding the backup end gets archived.</summary>
    public Task SwitchWalAsync(CancellationToken ct) => client.ScalarAsync("SELECT pg_switch_wal()::text", ct);

    public ValueTask DisposeAsync() => client.DisposeAsync();
}
