// Test-side archiver: moves WAL from incoming/ into a barman-shaped archive (wals/<hash>/<name> + xlog.db).
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Barman.Core.Catalog;
using Barman.Core.Wal;

namespace Barman.IntegrationTests.Recovery;

/// <summary>
/// Stands in for barman's archiver (the WAL helper builds the real one): every segment with an even last digit is
/// stored gzip-compressed, the others plain, so recovery reads both; xlog.db records the source mtime as barman does.
/// </summary>
internal sealed class TestWalArchive(string incoming, string walsDirectory)
{
    private readonly SortedDictionary<string, XlogDbEntry> _entries = new(StringComparer.Ordinal);

    public string WalsDirectory => walsDirectory;

    /// <summary>Archives what arrived until <paramref name="segment"/> is in the archive.</summary>
    public async Task WaitForAsync(string segment, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!_entries.ContainsKey(segment))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"WAL {segment} was not archived into {incoming}");
            }
            Drain();
            await Task.Delay(100);
        }
    }

    private void Drain()
    {
        var arrived = Directory.GetFiles(incoming).Where(f => WalSegmentName.IsWalFile(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList();
        foreach (var file in arrived)
        {
            var name = WalSegmentName.Parse(Path.GetFileName(file));
            var dir = Path.Combine(walsDirectory, name.HashDirectory);
            Directory.CreateDirectory(dir);
            var target = Path.Combine(dir, name.Name);
            var mtime = new DateTimeOffset(File.GetLastWriteTimeUtc(file)).ToUnixTimeMilliseconds() / 1000.0;
            var gzip = name.Kind == WalFileKind.Segment && "02468ACE".Contains(name.Name[^1], StringComparison.Ordinal);
            if (gzip)
            {
                using (var input = File.OpenRead(file))
                using (var output = File.Create(target))
                using (var zip = new GZipStream(output, CompressionLevel.Fastest))
                {
                    input.CopyTo(zip);
                }
                File.Delete(file);
            }
            else
            {
                File.Move(file, target, overwrite: true);
            }
            _entries[name.Name] = new XlogDbEntry(name.Name, new FileInfo(target).Length, mtime, gzip ? "gzip" : null);
        }
        if (arrived.Count > 0)
        {
            var text = new StringBuilder();
            foreach (var entry in _entries.Values)
            {
                text.Append(entry.Format());
            }
            File.WriteAllText(Path.Combine(walsDirectory, "xlog.db"), text.ToString());
        }
    }

    public IReadOnlyCollection<XlogDbEntry> Entries => _entries.Values;

    public static string Epoch(double t) => t.ToString(CultureInfo.InvariantCulture);
}
