// zstd through ZstdSharp.Port: a standard zstd frame (zstd -d reads it), named as newer barman names it.
using ZstdSharp;

namespace Barman.Core.Compression;

/// <summary>zstd at a low level: WAL compresses well already at level 1 and the archive must keep up.</summary>
public sealed class ZstdCodec(int level = ZstdCodec.DefaultLevel) : IWalCodec
{
    public const int DefaultLevel = 1;

    public string? Name => "zstd";

    public bool Matches(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && header[0] == 0x28 && header[1] == 0xB5 && header[2] == 0x2F && header[3] == 0xFD;

    public Stream Compress(Stream destination) => new CompressionStream(destination, level, 1 << 20, leaveOpen: true);

    public Stream Decompress(Stream source) => new DecompressionStream(source, 1 << 20, checkEndOfStream: true, leaveOpen: true);
}
