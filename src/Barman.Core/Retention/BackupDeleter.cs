// delete: refuses kept backups and minimum_redundancy violations with barman's words, removes the backup and the WAL it alone needed.
using Barman.Core.Catalog;
using Barman.Core.Formatting;
using Barman.Core.Hooks;
using Barman.Core.Locking;
using Barman.Core.Output;

namespace Barman.Core.Retention;

/// <summary>barman's BackupManager.delete_backup.</summary>
public static class BackupDeleter
{
    private static readonly HashSet<string> Archiving = new(StringComparer.Ordinal)
    {
        BackupInfo.StatusStarted, BackupInfo.StatusWaitingForWals, BackupInfo.StatusDone, BackupInfo.StatusSyncing,
    };

    /// <summary>
    /// Deletes <paramref name="backup"/>; false (after a WARNING) when a keep request or minimum_redundancy forbids it.
    /// <paramref name="forRetention"/> is true when cron enforces the policy: WAL of keep:standalone backups older than
    /// this one can then be cleaned (except their own begin..end range).
    /// The pre_delete scripts run once the refusals are passed (a stop request from the retry one throws
    /// <see cref="HookScriptAbortedException"/> before anything is removed); the post_delete scripts run at the end, and
    /// the wal_delete scripts once per WAL file removed.
    /// </summary>
    public static async Task<bool> DeleteAsync(BackupCatalog catalog, BackupInfo backup, IOutput output, TimeProvider clock, bool forRetention, CancellationToken ct,
        HookScripts? hooks = null)
    {
        hooks ??= HookScripts.For(catalog.Server, clock);
        var server = catalog.Server;
        var id = backup.BackupId;
        if (catalog.KeepTarget(id) is not null)
        {
            output.Warning($"Skipping delete of backup {id} for server {server.Name} as it has a current keep request. "
                + "If you really want to delete this backup please remove the keep and try again.");
            return false;
        }
        var done = catalog.Backups.Count(b => b.Status == BackupInfo.StatusDone);
        if (backup.Status == BackupInfo.StatusDone && server.MinimumRedundancy >= done)
        {
            output.Warning($"Skipping delete of backup {id} for server {server.Name} due to minimum redundancy requirements "
                + $"(minimum redundancy = {server.MinimumRedundancy}, current redundancy = {done})");
            return false;
        }
        if (backup.Status is BackupInfo.StatusStarted or BackupInfo.StatusEmpty && LockFile.IsHeld(ServerLocks.Backup(server)))
        {
            output.Error($"Cannot delete a running backup ({server.Name} {id})");
            return false;
        }
        var start = clock.GetLocalNow();
        await hooks.RunPreAsync("delete", HookEnvironment.ForBackup(catalog, backup), ct);
        output.Info($"Deleting backup {id} for server {server.Name}");
        var (removeWals, ranges) = ShouldRemoveWals(catalog, backup, forRetention);
        var next = catalog.Next(id);
        var directory = catalog.DirectoryOf(id);
        var data = Path.Combine(directory, "data");
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
        if (removeWals)
        {
            var concurrent = (server.Get("backup_options") ?? string.Empty).Contains("concurrent_backup", StringComparison.Ordinal)
                || server.BackupMethod == "postgres";
            var removeUntil = next ?? (concurrent ? backup : null);
            var timelines = new HashSet<uint>();
            if (removeUntil is not null)
            {
                foreach (var b in catalog.Backups.Where(b => Archiving.Contains(b.Status) && b.BackupId != id && b.Timeline is not null))
                {
                    timelines.Add((uint)b.Timeline!.Value);
                }
                timelines.Remove((uint)(removeUntil.Timeline ?? 0));
            }
            output.Info("Delete associated WAL segments:");
            foreach (var name in await WalPruner.RemoveBeforeAsync(server, removeUntil, timelines, ranges, output, clock, ct, hooks))
            {
                output.Info("\t" + name);
            }
        }
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
        var elapsed = clock.GetLocalNow() - start;
        output.Info($"Deleted backup {id} (start time: {HumanFormat.CTime(start.DateTime)}, elapsed time: {HumanFormat.Duration(elapsed)})");
        // Once deleted, the backup has no neighbours: barman's lookup fails and the scripts get empty ids.
        await hooks.RunPostAsync("delete", HookEnvironment.ForBackup(backup, directory, null, null), ct);
        return true;
    }

    /// <summary>
    /// barman's should_remove_wals: WAL goes only when every older backup is a keep:standalone one (and only then when
    /// retention is deleting); their begin..end ranges are protected.
    /// </summary>
    internal static (bool Remove, IReadOnlyList<(string Begin, string End)> Ranges) ShouldRemoveWals(BackupCatalog catalog, BackupInfo backup, bool forRetention)
    {
        var ranges = new List<(string, string)>();
        var previous = catalog.Previous(backup.BackupId);
        while (previous is not null)
        {
            if (catalog.KeepTarget(previous.BackupId) != KeepAnnotation.Standalone || !forRetention)
            {
                return (false, []);
            }
            ranges.Add((previous.BeginWal ?? string.Empty, previous.EndWal ?? string.Empty));
            previous = catalog.Previous(previous.BackupId);
        }
        return (true, ranges);
    }
}
