// The few PostgreSQL calls the WAL verbs make: pg_switch_wal, CHECKPOINT, current WAL file, replication slots.
using Barman.Core.Errors;
using Barman.Core.Postgres;
using Npgsql;
using Npgsql.Replication;

namespace Barman.Core.Wal;

/// <summary>Talks to the server through Npgsql (slim data source: no reflection, AOT-clean).</summary>
public sealed class WalServerQueries(string conninfo, string? streamingConninfo, string applicationName = "barman")
{
    /// <summary>Switches WAL; returns the closed file name, or null when the current file was empty ("No switch required").</summary>
    public Task<string?> SwitchWalAsync(bool checkpointFirst, CancellationToken ct) => WithConnectionAsync<string?>(async conn =>
    {
        if (checkpointFirst)
        {
            await ExecAsync(conn, "CHECKPOINT", ct);
        }
        var before = await ScalarAsync(conn, "SELECT pg_walfile_name(pg_current_wal_insert_lsn())", ct);
        await ExecAsync(conn, "SELECT pg_switch_wal()", ct);
        var after = await ScalarAsync(conn, "SELECT pg_walfile_name(pg_current_wal_insert_lsn())", ct);
        return string.CompareOrdinal(before, after) < 0 ? before : null;
    }, ct);

    /// <summary>The WAL file the server is writing now.</summary>
    public Task<string> CurrentWalFileAsync(CancellationToken ct) =>
        WithConnectionAsync(conn => ScalarAsync(conn, "SELECT pg_walfile_name(pg_current_wal_lsn())", ct), ct);

    /// <summary>Creates a physical slot over the replication protocol; false when it already exists.</summary>
    public async Task<bool> CreateSlotAsync(string slot, CancellationToken ct)
    {
        await using var repl = await OpenReplicationAsync(ct);
        try
        {
            await repl.CreateReplicationSlot(slot, cancellationToken: ct);
            return true;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateObject)
        {
            return false;
        }
    }

    /// <summary>Drops a physical slot; false when it does not exist.</summary>
    public async Task<bool> DropSlotAsync(string slot, CancellationToken ct)
    {
        await using var repl = await OpenReplicationAsync(ct);
        try
        {
            await repl.DropReplicationSlot(slot, cancellationToken: ct);
            return true;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedObject)
        {
            return false;
        }
    }

    /// <summary>True when the slot exists (READ_REPLICATION_SLOT, PostgreSQL 15+).</summary>
    public async Task<bool> SlotExistsAsync(string slot, CancellationToken ct)
    {
        await using var repl = await OpenReplicationAsync(ct);
        return await repl.ReadReplicationSlot(slot, ct) is not null;
    }

    private async Task<T> WithConnectionAsync<T>(Func<NpgsqlConnection, Task<T>> body, CancellationToken ct)
    {
        NpgsqlDataSource source;
        NpgsqlConnection conn;
        try
        {
            source = new NpgsqlSlimDataSourceBuilder(ConnectionString(conninfo)).EnableTransportSecurity().Build();
            conn = await source.OpenConnectionAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new Errors.PostgresException($"cannot connect to PostgreSQL: {e.Message}", e);
        }
        await using (source)
        await using (conn)
        {
            return await body(conn);
        }
    }

    private async Task<PhysicalReplicationConnection> OpenReplicationAsync(CancellationToken ct)
    {
        try
        {
            var repl = new PhysicalReplicationConnection(ConnectionString(streamingConninfo ?? conninfo));
            await repl.Open(ct);
            return repl;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new Errors.PostgresException($"cannot open the streaming connection: {e.Message}", e);
        }
    }

    // libpq's gap filling (PG* variables, .pgpass, the socket directory), as every other connection barman opens.
    private string ConnectionString(string text) =>
        ConnectionSettings.ToNpgsql(Conninfo.Parse(text), Environment.GetEnvironmentVariable, Environment.UserName, applicationName).ConnectionString;

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
