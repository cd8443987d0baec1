// receive-wal: runs pg_receivewal under the receive-wal lock, and its --create-slot/--drop-slot/--stop/--reset forms.
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Locking;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Processes;

namespace Barman.Core.Wal;

/// <summary>The streaming archiver of one server.</summary>
public sealed class WalReceiver(ServerConfig server, IOutput output, IProcessRunner runner)
{
    private static Serilog.ILogger ServerLog => BarmanLog.For("barman.server"); // taken at each use: see BarmanLog.Defer
    private static Serilog.ILogger ArchiverLog => BarmanLog.For("barman.wal_archiver"); // taken at each use: see BarmanLog.Defer
    private static Serilog.ILogger CommandLog => BarmanLog.For("barman.command_wrappers"); // taken at each use: see BarmanLog.Defer

    private WalServerQueries Queries => new(server.Conninfo ?? string.Empty, server.StreamingConninfo);

    private string Slot => server.SlotName ?? throw new BarmanException($"Replication slot name is not specified for server {server.Name} ('slot_name' option)");

    /// <summary>Runs pg_receivewal in the foreground until it ends or <paramref name="ct"/> fires (SIGINT/SIGTERM).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        output.Info($"Starting receive-wal for server {server.Name}");
        using var held = LockFile.TryAcquire(ServerLocks.ReceiveWal(server));
        if (held is null)
        {
            output.Info($"Another receive-wal process is already running for server {server.Name}.");
            return;
        }
        ServerLog.InfoLine($"Starting receive-wal for server {server.Name}");
        if (!server.StreamingArchiver)
        {
            throw Failure($"Unable to start receive-wal process: 'streaming_archiver' is not enabled for server {server.Name}");
        }
        await EnsureSlotAsync(ct);
        var exe = PgBinaries.Find("pg_receivewal", server.PathPrefix, 15)
            ?? throw Failure("pg_receivewal not present in $PATH");
        Directory.CreateDirectory(server.StreamingWalsDirectory);
        ArchiverLog.InfoLine("Activating WAL archiving through streaming protocol");
        void Line(string line)
        {
            CommandLog.InfoLine($"{server.Name}: {line}");
            // Once stopping, pg_receivewal's farewell goes to the log only, as barman shows it.
            if (!ct.IsCancellationRequested)
            {
                output.Info($"{server.Name}: {line}");
            }
        }
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(PgReceiveWal.BuildSpec(exe, server), Line, Line, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.Info("SIGINT received. Terminate gracefully.");
            return;
        }
        if (ct.IsCancellationRequested)
        {
            output.Info("SIGINT received. Terminate gracefully.");
            return;
        }
        if (result.ExitCode != 0)
        {
            throw Failure($"pg_receivewal terminated with error code: {result.ExitCode}");
        }
    }

    public async Task CreateSlotAsync(CancellationToken ct)
    {
        var slot = Slot;
        output.Info($"Creating physical replication slot '{slot}' on server '{server.Name}'");
        if (!await Queries.CreateSlotAsync(slot, ct))
        {
            throw new BarmanException($"Replication slot '{slot}' already exists");
        }
        output.Info($"Replication slot '{slot}' created");
    }

    public async Task DropSlotAsync(CancellationToken ct)
    {
        var slot = Slot;
        output.Info($"Dropping physical replication slot '{slot}' on server '{server.Name}'");
        bool dropped;
        try
        {
            dropped = await Queries.DropSlotAsync(slot, ct);
        }
        catch (Npgsql.PostgresException e)
        {
            throw new BarmanException($"Cannot drop replication slot '{slot}' on server '{server.Name}': {e.MessageText}");
        }
        if (!dropped)
        {
            throw new BarmanException($"Replication slot '{slot}' does not exist");
        }
        output.Info($"Replication slot '{slot}' dropped");
    }

    /// <summary>SIGINT to the receive-wal holding the lock (it stops pg_receivewal gracefully); after 30 s SIGKILL, and SIGTERM to its children.</summary>
    public async Task StopAsync(TimeProvider clock, CancellationToken ct)
    {
        var path = ServerLocks.ReceiveWal(server);
        if (!LockFile.IsHeld(path) || LockFile.ReadPid(path) is not { } pid || !Signals.Send(pid, Signals.SigInt))
        {
            throw new BarmanException($"Termination of receive-wal failed: no such process for server {server.Name}");
        }
        var deadline = clock.GetUtcNow() + TimeSpan.FromSeconds(30);
        while (LockFile.IsHeld(path) && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, ct);
        }
        if (LockFile.IsHeld(path))
        {
            // A receive-wal that ignored SIGINT is killed; its pg_receivewal would outlive it and keep the slot busy.
            var children = Signals.ChildrenOf(pid);
            Signals.Send(pid, Signals.SigKill);
            foreach (var child in children)
            {
                Signals.Send(child, Signals.SigTerm);
            }
        }
        output.Info($"Stopped process receive-wal({pid})");
    }

    /// <summary>Removes a .partial that is ahead of the server (a receive-wal that streamed from a newer cluster).</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await EnsureSlotAsync(ct, create: false);
        if (LockFile.IsHeld(ServerLocks.ReceiveWal(server)))
        {
            throw Failure($"Unable to reset the status of receive-wal for server {server.Name}. Process is still running");
        }
        var current = await Queries.CurrentWalFileAsync(ct);
        var partials = Directory.Exists(server.StreamingWalsDirectory)
            ? Directory.GetFiles(server.StreamingWalsDirectory, "*.partial").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList()
            : [];
        var ahead = partials.Where(p => string.CompareOrdinal(p![..24], current) > 0).ToList();
        if (ahead.Count == 0)
        {
            output.Info("Nothing to do. Position of receive-wal is aligned.");
            return;
        }
        output.Info("Resetting receive-wal directory status");
        foreach (var p in ahead)
        {
            File.Delete(Path.Combine(server.StreamingWalsDirectory, p!));
        }
    }

    private async Task EnsureSlotAsync(CancellationToken ct, bool create = true)
    {
        if (server.SlotName is not { } slot)
        {
            return;
        }
        bool exists;
        try
        {
            exists = await Queries.SlotExistsAsync(slot, ct);
        }
        catch (Errors.PostgresException e)
        {
            ServerLog.WarningLine($"Error retrieving PostgreSQL status: {e.Message}");
            throw Failure($"failed opening the PostgreSQL streaming connection for server {server.Name}");
        }
        if (!exists && create && server.CreateSlot == "auto")
        {
            output.Info($"Creating replication slot '{slot}'");
            await Queries.CreateSlotAsync(slot, ct);
            return;
        }
        if (!exists)
        {
            throw Failure($"replication slot '{slot}' doesn't exist. Please execute 'barman receive-wal --create-slot {server.Name}'");
        }
    }

    private static BarmanException Failure(string message) => new("ArchiverFailure:" + message);
}
