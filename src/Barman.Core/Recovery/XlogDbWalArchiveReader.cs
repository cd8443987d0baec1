// Minimal WAL archive reader: lists wals/xlog.db (through XlogDb) and restores files compressed with none or gzip.
using System.IO.Compression;
using Barman.Core.Catalog;
using Barman.Core.Errors;
using Barman.Core.Wal;

namespace Barman.Core.Recovery;

/// <summary>
/// Reads barman's archive layout (<c>wals/&lt;first 16 hex&gt;/&lt;name&gt;</c>, history files at the top).
/// Stop-gap until the WAL helper's codecs land: only <c>None</c> and <c>gzip</c> are understood.
/// </summary>
public sealed class XlogDbWalArchiveReader(string walsDirectory) : IWalArchiveReader
{
    public IReadOnlyList<XlogDbEntry> List() => XlogDb.ReadAll(Path.Combine(walsDirectory, XlogDb.FileName));

    public string PathOf(XlogDbEntry entry)
    {
        var hash = WalSegmentName.TryParse(entry.Name, out var name) ? name.HashDirectory : string.Empty;
        return Path.Combine(walsDirectory, hash, entry.Name);
    }

    public async Task RestoreAsync(XlogDbEntry entry, string destination, CancellationToken ct)
    {
        var source = PathOf(entry);
        switch (entry.Compression)
        {
            case null:
                // File.Copy lets the kernel copy (copy_file_range on Linux).
                File.Copy(source, destination, overwrite: true);
                break;
            case "gzip":
                await using (var input = File.OpenRead(source))
                await using (var gzip = new GZipStream(input, CompressionMode.Decompress))
                await using (var output = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
                {
                    await gzip.CopyToAsync(output, 1 << 20, ct);
                }
                break;
            default:
                throw new WalFileException($"Unsupported compression '{entry.Compression}' for WAL file {entry.Name}");
        }
        if (!OperatingSystem.IsWindows())
        {
            FileModes.Set(destination, FileModes.Mode0644); // 0644, as barman leaves restored WAL
        }
    }
}
