// lz4 frame format through K4os.Compression.LZ4.Streams: what `lz4 -d` and python-lz4 (newer barman) read.
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;

namespace Barman.Core.Compression;

/// <summary>lz4 frames, fast mode, 4 MiB blocks with a content checksum (as the lz4 tool writes them).</summary>
public sealed class Lz4Codec : IWalCodec
{
    public string? Name => "lz4";

    public bool Matches(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && header[0] == 0x04 && header[1] == 0x22 && header[2] == 0x4D && header[3] == 0x18;

    public Stream Compress(Stream destination) =>
        LZ4Stream.Encode(destination, new LZ4EncoderSettings
        {
            CompressionLevel = LZ4Level.L00_FAST,
            BlockSize = 4 * 1024 * 1024,
            ContentChecksum = true,
            ChainBlocks = false,
        }, leaveOpen: true);

    public Stream Decompress(Stream source) => LZ4Stream.Decode(source, leaveOpen: true);
}
