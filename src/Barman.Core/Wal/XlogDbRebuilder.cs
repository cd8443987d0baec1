// rebuild-xlogdb: regenerates wals/xlog.db from the files in wals/, byte-identical to what archive-wal wrote.
using Barman.Core.Catalog;
using Barman.Core.Compression;
using Barman.Core.Configuration;
using Barman.Core.Output;

namespace Barman.Core.Wal;

/// <summary>Counts of what the rebuild found, as barman reports them.</summary>
public sealed record XlogDbRebuildResult(int History, int BackupLabels, int WalFiles);

/// <summary>Rebuilds the WAL catalog from disk: size on disk, file mtime (archive-wal copied the source's), magic-sniffed compression.</summary>
public static class XlogDbRebuilder
{
    public static XlogDbRebuildResult Rebuild(ServerConfig server, IOutput output)
    {
        output.Info($"Rebuilding xlogdb for server {server.Name}");
        using var held = XlogDb.Lock(server);
        var entries = new List<XlogDbEntry>();
        int history = 0, labels = 0, wals = 0;
        if (Directory.Exists(server.WalsDirectory))
        {
            // barman walks wals/ in name order, expanding each hash directory where it sorts: history files
            // (top level) land between timelines exactly where archive-wal appended them.
            foreach (var path in Sorted(Directory.EnumerateFileSystemEntries(server.WalsDirectory))
                .SelectMany(p => Directory.Exists(p) ? Sorted(Directory.EnumerateFiles(p)) : [p]))
            {
                var name = Path.GetFileName(path);
                if (!WalSegmentName.TryParse(name, out var wal))
                {
                    continue;
                }
                switch (wal.Kind)
                {
                    case WalFileKind.History:
                        history++;
                        break;
                    case WalFileKind.BackupLabel:
                        labels++;
                        break;
                    default:
                        wals++;
                        break;
                }
                var stamp = PosixFile.Stat(path);
                entries.Add(new XlogDbEntry(name, stamp.Size, stamp.PythonMtime, WalCodecs.Identify(path).Name));
            }
        }
        XlogDb.RewriteLocked(XlogDb.PathFor(server), entries);
        output.Info($"Done rebuilding xlogdb for server {server.Name} (history: {history}, backup_labels: {labels}, wal_file: {wals})");
        return new XlogDbRebuildResult(history, labels, wals);
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> paths) => paths.Order(StringComparer.Ordinal);
}
