// replication-status data: pg_stat_replication rows (physical clients) and the server's current LSN.
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Configuration;
using Barman.Core.Postgres;

namespace Barman.Core.Servers;

/// <summary>One streaming client as pg_stat_replication reports it (LSNs as text, times as epoch seconds).</summary>
public sealed record StreamingClient(
    int Pid,
    string UserName,
    string ApplicationName,
    string? ClientAddr,
    string? ClientHostname,
    int? ClientPort,
    double? BackendStart,
    string? BackendXmin,
    string State,
    string? SentLsn,
    string? WriteLsn,
    string? FlushLsn,
    string? ReplayLsn,
    int SyncPriority,
    string SyncState,
    string? SlotName,
    string? CurrentLsn);

/// <summary>The clients of one server for a target (all, hot-standby, wal-streamer).</summary>
public sealed record ReplicationReport(string Server, string Target, string? ServerLsn, ImmutableArray<StreamingClient> Clients);

/// <summary>Reads replication clients; null when the server cannot be reached (barman: "Unable to connect to server").</summary>
public static class ReplicationStatus
{
    public static async Task<ReplicationReport?> FetchAsync(ServerConfig server, string target, CancellationToken ct)
    {
        if (server.Conninfo is not { } conninfo)
        {
            return null;
        }
        PostgresClient client;
        try
        {
            client = await PostgresClient.ConnectAsync(conninfo, "barman", Math.Max(1, server.CheckTimeout), ct);
        }
        catch (Errors.PostgresException)
        {
            return null;
        }
        await using (client)
        {
            var filter = target switch
            {
                "hot-standby" => " AND r.replay_lsn IS NOT NULL",
                "wal-streamer" => " AND r.replay_lsn IS NULL",
                _ => string.Empty,
            };
            var rows = await client.RowsAsync(
                "SELECT r.pid::text, r.usename::text, r.application_name, host(r.client_addr), r.client_hostname, r.client_port::text, "
                + "extract(epoch from r.backend_start)::text, r.backend_xmin::text, r.state, r.sent_lsn::text, r.write_lsn::text, "
                + "r.flush_lsn::text, r.replay_lsn::text, r.sync_priority::text, r.sync_state, rs.slot_name::text, "
                + "(CASE WHEN pg_is_in_recovery() THEN pg_last_wal_receive_lsn() ELSE pg_current_wal_lsn() END)::text "
                + "FROM pg_stat_replication r LEFT JOIN pg_replication_slots rs ON (r.pid = rs.active_pid) "
                + "WHERE (rs.slot_type IS NULL OR rs.slot_type = 'physical')" + filter + " ORDER BY sync_state DESC, sync_priority", ct);
            if (rows is null)
            {
                return null;
            }
            var serverLsn = await client.ScalarAsync("SELECT CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_current_wal_lsn()::text END", ct);
            var clients = rows.Select(r => new StreamingClient(
                int.Parse(r[0]!, CultureInfo.InvariantCulture), r[1] ?? string.Empty, r[2] ?? string.Empty, r[3], r[4],
                r[5] is null ? null : int.Parse(r[5]!, CultureInfo.InvariantCulture),
                r[6] is null ? null : double.Parse(r[6]!, CultureInfo.InvariantCulture), r[7], r[8] ?? string.Empty,
                r[9], r[10], r[11], r[12], int.Parse(r[13] ?? "0", CultureInfo.InvariantCulture), r[14] ?? string.Empty, r[15], r[16]));
            return new ReplicationReport(server.Name, target, serverLsn, [.. clients]);
        }
    }
}
