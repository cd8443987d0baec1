// list-files: the files of a backup for a recovery target (standalone, data, wal, full), in barman's order.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Output;
using Barman.Core.Wal;

namespace Barman.Core.Backup;

/// <summary>What list-files lists: <c>data</c> the backup directory, <c>wal</c> the WAL until the next backup, both for <c>full</c>.</summary>
public enum ListFilesTarget
{
    Standalone,
    Data,
    Wal,
    Full,
}

/// <summary>
/// Produces list-files paths as barman does: a top-down walk of <c>base/&lt;id&gt;/</c> (file names sorted within a
/// directory, files before sub-directories, sub-directories in directory order, symlinked directories not followed),
/// then for standalone the segments begin_wal..end_wal, for wal/full the archived WAL up to the next backup (history files included).
/// </summary>
public static class BackupFileLister
{
    public static IEnumerable<string> List(ServerConfig server, string selector, ListFilesTarget target, IOutput? warnings = null)
    {
        var catalog = BackupCatalog.Load(server);
        foreach (var w in catalog.Warnings)
        {
            warnings?.Warning(w);
        }
        var backup = catalog.Resolve(selector);
        return Files(server, catalog, backup, target);
    }

    private static IEnumerable<string> Files(ServerConfig server, BackupCatalog catalog, BackupInfo backup, ListFilesTarget target)
    {
        if (target is ListFilesTarget.Data or ListFilesTarget.Standalone or ListFilesTarget.Full)
        {
            foreach (var f in Walk(catalog.DirectoryOf(backup.BackupId)))
            {
                yield return f;
            }
        }
        if (target == ListFilesTarget.Standalone && backup.BeginWal is { } begin && backup.EndWal is { } end
            && WalSegmentName.TryParse(begin, out var b) && WalSegmentName.TryParse(end, out var e))
        {
            var size = backup.XlogSegmentSize ?? WalSegmentName.DefaultSegmentSize;
            for (var seg = b; string.CompareOrdinal(seg.Name, e.Name) <= 0; seg = seg.Next(size))
            {
                yield return WalPath(server, seg.Name);
            }
        }
        if (target is ListFilesTarget.Wal or ListFilesTarget.Full)
        {
            var wals = WalArchiveIndex.Load(server);
            foreach (var entry in wals.UntilNextBackup(backup, catalog.Next(backup.BackupId), includeHistory: true))
            {
                yield return WalPath(server, entry.Name);
            }
        }
    }

    private static string WalPath(ServerConfig server, string name) =>
        WalSegmentName.TryParse(name, out var n) && n.HashDirectory.Length > 0
            ? Path.Combine(server.WalsDirectory, n.HashDirectory, name)
            : Path.Combine(server.WalsDirectory, name);

    private static IEnumerable<string> Walk(string root)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }
        var files = new List<string>();
        var dirs = new List<string>();
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo d)
            {
                if (d.LinkTarget is null)
                {
                    dirs.Add(d.FullName);
                }
            }
            else
            {
                files.Add(entry.Name);
            }
        }
        files.Sort(StringComparer.Ordinal);
        foreach (var f in files)
        {
            yield return Path.Combine(root, f);
        }
        foreach (var d in dirs)
        {
            foreach (var f in Walk(d))
            {
                yield return f;
            }
        }
    }
}
