// The contract every WAL compression codec fulfils: a name for xlog.db, magic bytes, stream wrappers.
namespace Barman.Core.Compression;

/// <summary>One compression format for archived WAL (none, gzip, bzip2, zstd, lz4).</summary>
public interface IWalCodec
{
    /// <summary>The name in <c>compression =</c> and in xlog.db's fourth column; null for no compression ("None").</summary>
    string? Name { get; }

    /// <summary>True when <paramref name="header"/> (the first bytes of a file) starts with this format's magic.</summary>
    bool Matches(ReadOnlySpan<byte> header);

    /// <summary>A stream that compresses what is written to it into <paramref name="destination"/> (left open).</summary>
    Stream Compress(Stream destination);

    /// <summary>A stream that yields the decompressed content of <paramref name="source"/> (left open).</summary>
    Stream Decompress(Stream source);
}
