// Backups left STARTED (or EMPTY) by a backup process that died: marked FAILED by backup and by cron, one rule for both.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Locking;
using Barman.Core.Output;

namespace Barman.Core.Backup;

/// <summary>
/// A STARTED or EMPTY backup seen while we hold the backup lock belongs to a backup process that died without
/// finishing (SIGKILL, OOM killer, power loss). barman leaves it STARTED for ever; we mark it FAILED, with a warning,
/// so that list-backup, check and retention treat it as the failure it is.
/// </summary>
public static class InterruptedBackups
{
    public const string Error = "failure during backup (the backup process ended before finishing it: interrupted or killed)";

    /// <summary>Marks the server's STARTED/EMPTY backups FAILED. The caller holds the server's backup lock.</summary>
    public static void FailUnderLock(ServerConfig server, IOutput output)
    {
        foreach (var orphan in BackupCatalog.Load(server).Backups.Where(b => b.Status is BackupInfo.StatusStarted or BackupInfo.StatusEmpty))
        {
            BackupConsistencyCheck.Save(Path.Combine(server.BaseBackupsDirectory, orphan.BackupId), orphan with
            {
                Status = BackupInfo.StatusFailed,
                Error = Error,
            });
            output.Warning($"Backup {orphan.BackupId} of server {server.Name} was left {orphan.Status} by a backup process that did not finish: marked as FAILED");
        }
    }

    /// <summary>cron's pass: repairs only when the backup lock is free at once; a running backup keeps its STARTED backup.</summary>
    public static void RepairIfIdle(ServerConfig server, IOutput output)
    {
        if (!Directory.Exists(server.BaseBackupsDirectory))
        {
            return;
        }
        using var held = LockFile.TryAcquire(ServerLocks.Backup(server));
        if (held is not null)
        {
            FailUnderLock(server, output);
        }
    }
}
