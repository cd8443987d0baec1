// Compares an archived (possibly compressed) WAL file with a plain source file, streaming both.
using Barman.Core.Compression;

namespace Barman.Core.Wal;

/// <summary>Content equality without loading either file whole.</summary>
public static class WalContent
{
    /// <summary>True when <paramref name="archived"/>, once decompressed, has exactly the bytes of <paramref name="plain"/>.</summary>
    public static bool SameContent(string archived, string plain)
    {
        var codec = WalCodecs.Identify(archived);
        using var a = File.OpenRead(archived);
        using var decoded = codec.Decompress(a);
        using var b = File.OpenRead(plain);
        var bufA = new byte[1 << 16];
        var bufB = new byte[1 << 16];
        while (true)
        {
            var n = decoded.ReadAtLeast(bufA, bufA.Length, throwOnEndOfStream: false);
            var m = b.ReadAtLeast(bufB, bufB.Length, throwOnEndOfStream: false);
            if (n != m || !bufA.AsSpan(0, n).SequenceEqual(bufB.AsSpan(0, m)))
            {
                return false;
            }
            if (n == 0)
            {
                return true;
            }
        }
    }

    /// <summary>True when a file of this kind and size can be a whole WAL file (segments are a power of two, 1 MiB–1 GiB).</summary>
    public static bool HasPlausibleSize(WalSegmentName wal, long size) =>
        wal.Kind != WalFileKind.Segment || (size >= 1 << 20 && size <= 1 << 30 && (size & (size - 1)) == 0);
}
