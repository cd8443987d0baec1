// Brings the WAL a recovery needs out of the archive into pg_wal/ or barman_wal/, decompressed.
using Barman.Core.Catalog;

namespace Barman.Core.Recovery;

/// <summary>Restores archived WAL files in parallel and writes archive_status/*.done when they land in pg_wal.</summary>
public static class WalRestorer
{
    public static async Task RestoreAsync(IWalArchiveReader archive, IReadOnlyList<XlogDbEntry> files, string directory, int jobs, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = ct },
            async (entry, token) => await archive.RestoreAsync(entry, Path.Combine(directory, entry.Name), token));
    }

    /// <summary>Marks each restored file as already archived, so the recovered server does not archive it again.</summary>
    public static void WriteDoneFiles(IEnumerable<XlogDbEntry> files, string walDirectory)
    {
        var status = Path.Combine(walDirectory, "archive_status");
        CreateStatusDirectory(status);
        foreach (var entry in files)
        {
            using (File.Create(Path.Combine(status, entry.Name + ".done")))
            {
            }
            FileModes.Set(Path.Combine(status, entry.Name + ".done"), FileModes.Mode0644);
        }
    }

    /// <summary>archive_status/ as barman leaves it: 0755.</summary>
    public static void CreateStatusDirectory(string status)
    {
        Directory.CreateDirectory(status);
        FileModes.Set(status, FileModes.Mode0755);
    }
}
