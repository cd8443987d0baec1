// check-backup: a WAITING_FOR_WALS backup becomes DONE once every WAL from begin_wal to end_wal is archived, FAILED on a gap.
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Locking;
using Barman.Core.Output;
using Barman.Core.Storage;
using Barman.Core.Wal;

namespace Barman.Core.Backup;

/// <summary>barman's check_backup, deciding from the files in wals/ as barman does.</summary>
public static class BackupConsistencyCheck
{
    /// <summary>Checks the selected backup and saves its new status; silent on success, as barman.</summary>
    public static void Run(ServerConfig server, string selector, IOutput output)
    {
        var catalog = BackupCatalog.Load(server);
        var backup = catalog.Resolve(selector);
        if (backup.Status == BackupInfo.StatusFailed)
        {
            output.Error("The validity of a failed backup cannot be checked");
            return;
        }
        using var held = LockFile.TryAcquire(ServerLocks.ForBackup(server, backup.BackupId));
        if (held is null)
        {
            output.Error($"Another process is holding the lock for backup {backup.BackupId} of server {server.Name}.");
            return;
        }
        var updated = Evaluate(server, backup);
        if (updated != backup)
        {
            Save(catalog.DirectoryOf(backup.BackupId), updated);
        }
    }

    /// <summary>The backup with the status barman would give it now.</summary>
    public static BackupInfo Evaluate(ServerConfig server, BackupInfo backup)
    {
        if (backup.BeginWal is not { } begin || backup.EndWal is not { } end || !WalSegmentName.TryParse(begin, out var b))
        {
            return backup;
        }
        var last = LastArchived(server, begin[..8]);
        if (last is null || string.CompareOrdinal(last, begin) < 0)
        {
            return backup with { Status = BackupInfo.StatusWaitingForWals };
        }
        var size = backup.XlogSegmentSize ?? WalSegmentName.DefaultSegmentSize;
        for (var seg = b; string.CompareOrdinal(seg.Name, end) <= 0 && string.CompareOrdinal(seg.Name, last) <= 0; seg = seg.Next(size))
        {
            if (!File.Exists(Path.Combine(server.WalsDirectory, seg.HashDirectory, seg.Name)))
            {
                return backup with { Status = BackupInfo.StatusFailed, Error = $"At least one WAL file is missing. The first missing WAL file is {seg.Name}" };
            }
        }
        return backup with { Status = string.CompareOrdinal(end, last) <= 0 ? BackupInfo.StatusDone : BackupInfo.StatusWaitingForWals };
    }

    /// <summary>Writes backup.info durably (0644).</summary>
    public static void Save(string backupDirectory, BackupInfo info) =>
        DurableFile.WriteAtomic(Path.Combine(backupDirectory, "backup.info"), Encoding.UTF8.GetBytes(info.Format()),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

    // The newest WAL segment file of a timeline in wals/ (directories scanned newest first, as barman does).
    private static string? LastArchived(ServerConfig server, string timeline)
    {
        if (!Directory.Exists(server.WalsDirectory))
        {
            return null;
        }
        foreach (var dir in Directory.EnumerateDirectories(server.WalsDirectory).Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal))
        {
            if (dir is null || !dir.StartsWith(timeline, StringComparison.Ordinal))
            {
                continue;
            }
            var newest = Directory.EnumerateFiles(Path.Combine(server.WalsDirectory, dir)).Select(Path.GetFileName)
                .Where(n => WalSegmentName.TryParse(n, out var w) && w.Kind == WalFileKind.Segment)
                .OrderDescending(StringComparer.Ordinal).FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }
        return null;
    }
}
