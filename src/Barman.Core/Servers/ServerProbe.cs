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
        await Task.WhenAll(postgresTask, streamingTask);
        var postgres = await postgresTask;
        var stream = await streamingTask;
        var major = postgres?.ServerVersion is { } v ? v / 10000 : (int?)null;
        var basebackup = server.BackupMethod == "postgres"
            ? await ClientTool.DetectAsync("pg_basebackup", server.PathPrefix, major, runner, ct)
            : null;
        var receivewal = server.StreamingArchiver
            ? await ClientTool.DetectAsync("pg_receivewal", server.PathPrefix, major, runner, ct)
            : null;
        return new ServerProbe(server, postgres, stream, basebackup, receivewal);
    }
}
