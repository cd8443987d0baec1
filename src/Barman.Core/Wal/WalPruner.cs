// Removes archived WAL (first backup's cleanup, delete, retention): xlog.db rewritten first, then the files.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Storage;

namespace Barman.Core.Wal;

/// <summary>
/// The one way to drop WAL from the archive. Under the xlogdb lock the catalog is rewritten without the
/// entries (temp + fsync + rename), and only then are the files unlinked: a crash in between leaves
/// unlisted files (rebuild-xlogdb finds them), never a listed file that is gone.
/// </summary>
public static class WalPruner
{
    /// <returns>The removed entries, in catalog order.</returns>
    public static IReadOnlyList<XlogDbEntry> Remove(ServerConfig server, Func<XlogDbEntry, bool> shouldRemove)
    {
        using var held = XlogDb.Lock(server);
        var all = XlogDb.ReadAll(server);
        var removed = all.Where(shouldRemove).ToList();
        if (removed.Count == 0)
        {
            return removed;
        }
        XlogDb.RewriteLocked(XlogDb.PathFor(server), all.Where(e => !shouldRemove(e)));
        var directories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in removed)
        {
            if (WalSegmentName.TryParse(entry.Name, out var wal))
            {
                var path = WalArchiveStep.DestinationFor(server.WalsDirectory, wal);
                File.Delete(path);
                directories.Add(Path.GetDirectoryName(path)!);
            }
        }
        foreach (var dir in directories)
        {
            DurableFile.SyncDirectory(dir);
        }
        return removed;
    }

    /// <summary>Removes every WAL file (any kind) whose name sorts before <paramref name="firstNeeded"/>.</summary>
    public static IReadOnlyList<XlogDbEntry> RemoveBefore(ServerConfig server, string firstNeeded) =>
        Remove(server, e => string.CompareOrdinal(e.Name, firstNeeded) < 0);
}
