// switch-wal: closes the current WAL file on the server and, with --archive, waits until barman has archived it.
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Locking;
using Barman.Core.Logging;
using Barman.Core.Output;

namespace Barman.Core.Wal;

/// <summary>What switch-wal was asked for one server.</summary>
public sealed record SwitchWalRequest(bool Force, bool Archive, int ArchiveTimeoutSeconds);

/// <summary>Runs pg_switch_wal() (after a CHECKPOINT with --force) and optionally waits for the closed file.</summary>
public sealed class WalSwitcher(ServerConfig server, IOutput output, TimeProvider clock)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.server"); // taken at each use: see BarmanLog.Defer

    public async Task RunAsync(SwitchWalRequest request, CancellationToken ct)
    {
        string? closed;
        try
        {
            if (request.Force)
            {
                Log.InfoLine($"Force a CHECKPOINT before pg_switch_wal()");
            }
            closed = await new WalServerQueries(server.Conninfo ?? string.Empty, server.StreamingConninfo).SwitchWalAsync(request.Force, ct);
        }
        catch (BarmanException e)
        {
            Log.ErrorLine($"Error issuing pg_switch_wal(): {e.Message}");
            output.Error($"Unable to perform pg_switch_wal for server '{server.Name}'.");
            return;
        }
        if (closed is null)
        {
            output.Info($"No switch required for server '{server.Name}'");
            return;
        }
        output.Info($"The WAL file {closed} has been closed on server '{server.Name}'");
        if (request.Archive)
        {
            await WaitForWalAsync(closed, request.ArchiveTimeoutSeconds, ct);
        }
    }

    /// <summary>Runs quiet archive-wal passes until <paramref name="wal"/> is in the archive or the timeout expires.</summary>
    public async Task WaitForWalAsync(string wal, int timeoutSeconds, CancellationToken ct)
    {
        output.Info($"Waiting for the WAL file {wal} from server '{server.Name}' (max: {timeoutSeconds} seconds)");
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(timeoutSeconds);
        while (true)
        {
            // A concurrent archive-wal (cron's) holds the lock: it archives for us, we only watch.
            using (var held = LockFile.TryAcquire(ServerLocks.ArchiveWal(server)))
            {
                if (held is not null)
                {
                    await new WalArchiver(server, output, clock) { Verbose = false }.ArchiveAsync(ct);
                }
            }
            if (WalRetriever.Locate(server, wal, partial: false) is not null)
            {
                return;
            }
            if (clock.GetUtcNow() >= deadline)
            {
                throw new WalFileException($"The WAL file {wal} has not been received in {timeoutSeconds} seconds");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }
}
