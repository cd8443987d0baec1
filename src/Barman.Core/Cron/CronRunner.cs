// cron: per server (alphabetical, under the cron lock) repair interrupted backups, start the archivers and check-backup, then retention.
using Barman.Core.Backup;
using Barman.Core.Configuration;
using Barman.Core.Locking;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Servers;

namespace Barman.Core.Cron;

/// <summary>
/// One cron pass. It returns fast: archiving and streaming run in detached processes, so a slow compression or
/// an unreachable PostgreSQL never blocks it (exit 0 even when PostgreSQL is down, as barman).
/// </summary>
public sealed class CronRunner(GlobalConfig config, IOutput output, IBackgroundLauncher launcher, ICronCatalog catalog)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.server"); // taken at each use: see BarmanLog.Defer

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var server in config.Servers.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            if (!ServerGate.Allows(server, output, GatePolicy.Cron))
            {
                continue;
            }
            using var held = LockFile.TryAcquire(ServerLocks.Cron(server));
            if (held is null)
            {
                output.Info($"Another cron process is already running on server {server.Name}. Skipping to the next server");
                continue;
            }
            EnsureDirectories(server);
            InterruptedBackups.RepairIfIdle(server, output);
            await ArchiveWalAsync(server, ct);
            if (server.StreamingArchiver)
            {
                await ReceiveWalAsync(server, ct);
            }
            foreach (var id in catalog.WaitingForWalsBackups(server))
            {
                output.Info($"Starting check-backup for backup {id} of server {server.Name}");
                await launcher.LaunchAsync(["check-backup", server.Name, id], ct);
            }
            await catalog.EnforceRetentionAsync(server, output, ct);
        }
    }

    private async Task ArchiveWalAsync(ServerConfig server, CancellationToken ct)
    {
        if (LockFile.IsHeld(ServerLocks.ArchiveWal(server)))
        {
            output.Info($"Another archive-wal process is already running on server {server.Name}. Skipping to the next server");
            return;
        }
        output.Info($"Starting WAL archiving for server {server.Name}");
        await launcher.LaunchAsync(["archive-wal", server.Name], ct);
    }

    private async Task ReceiveWalAsync(ServerConfig server, CancellationToken ct)
    {
        if (LockFile.IsHeld(ServerLocks.ReceiveWal(server)))
        {
            Log.DebugLine($"Another STREAMING ARCHIVER process is running for server {server.Name}");
            return;
        }
        output.Info($"Starting streaming archiver for server {server.Name}");
        await launcher.LaunchAsync(["receive-wal", server.Name], ct);
    }

    // barman creates the server's directories on its first cron/check; archive_command needs incoming/ to exist.
    private static void EnsureDirectories(ServerConfig server)
    {
        foreach (var dir in new[] { server.BaseBackupsDirectory, server.ErrorsDirectory, server.IncomingWalsDirectory, server.StreamingWalsDirectory, server.WalsDirectory })
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.WarningLine($"Cannot create directory '{dir}': {e.Message}");
            }
        }
    }
}
