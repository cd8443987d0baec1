// Everything barman's "remote status" holds for one server: both connections and the client programs, fetched once.
using Barman.Core.Configuration;
using Barman.Core.Postgres;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>
/// The live facts of a server. <see cref="Postgres"/> is null when no conninfo is configured (barman has no
/// connection object then); <see cref="Streaming"/> is null when barman would not open a streaming connection
/// (backup_method is not postgres and streaming_archiver is off).
/// </summary>
public sealed record ServerProbe(
    ServerConfig Server,
    PostgresFacts? Postgres,
    StreamingFacts? Streaming,
    ClientTool? PgBaseBackup,
    ClientTool? PgReceiveWal)
{
    /// <summary>True when barman's Server object would have a streaming connection.</summary>
    public static bool UsesStreaming(ServerConfig server) => server.BackupMethod == "postgres" || server.StreamingArchiver;

    /// <summary>The server's major version as the streaming connection reports it (barman compares clients with it).</summary>
    public string? StreamingMajor => Streaming?.ServerTxtVersion is { } v ? ClientTool.MajorOf(v) : null;

    /// <summary>Connects (conninfo and streaming) and detects the client programs. Never throws for an unreachable server.</summary>
    public static async Task<ServerProbe> FetchAsync(ServerConfig server, IProcessRunner runner, CancellationToken ct)
    {
        var timeout = Math.Max(1, server.CheckTimeout);
        var postgresTask = server.Conninfo is { } conninfo
            ? PostgresProbe.FetchAsync(conninfo, server.SlotName, server.Archiver, timeout, ct)
            : Task.FromResult<PostgresFacts?>(null)!;
        var streamingTask = UsesStreaming(server) && server.StreamingConninfo is { } streaming
            ? PostgresProbe.FetchStreamingAsync(streaming, timeout, ct)
            : Task.FromResult<StreamingFacts?>(null)!;
        // The client programs are looked up while the connections are opened: Debian's pg_wrapper takes ~100 ms each.
        // Without a server version yet, the PATH and newest /usr/lib/postgresql/<major>/bin are searched.
        var basebackupTask = server.BackupMethod == "postgres"
            ? ClientTool.DetectAsync("pg_basebackup", server.PathPrefix, null, runner, ct)
            : Task.FromResult<ClientTool?>(null)!;
        var receivewalTask = server.StreamingArchiver
            ? ClientTool.DetectAsync("pg_receivewal", server.PathPrefix, null, runner, ct)
            : Task.FromResult<ClientTool?>(null)!;
        await Task.WhenAll(postgresTask, streamingTask, basebackupTask, receivewalTask);
        var postgres = await postgresTask;
        var stream = await streamingTask;
        var major = postgres?.ServerVersion is { } v ? v / 10000 : (int?)null;
        var basebackup = await MatchMajorAsync(await basebackupTask, server, major, runner, ct);
        var receivewal = await MatchMajorAsync(await receivewalTask, server, major, runner, ct);
        return new ServerProbe(server, postgres, stream, basebackup, receivewal);
    }

    /// <summary>
    /// A program found only in some /usr/lib/postgresql/&lt;major&gt;/bin is looked up again once the server's major
    /// version is known, so the matching client wins (path_prefix and PATH still come first).
    /// </summary>
    private static async Task<ClientTool?> MatchMajorAsync(ClientTool? tool, ServerConfig server, int? major, IProcessRunner runner, CancellationToken ct)
    {
        if (tool?.Path is not { } path || major is not { } m
            || !path.StartsWith("/usr/lib/postgresql/", StringComparison.Ordinal)
            || path.StartsWith($"/usr/lib/postgresql/{m}/", StringComparison.Ordinal))
        {
            return tool;
        }
        return await ClientTool.DetectAsync(tool.Program, server.PathPrefix, m, runner, ct);
    }
}
