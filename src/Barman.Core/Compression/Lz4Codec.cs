// lz4 frame format through K4os.Compression.LZ4.Streams: what `lz4 -d` and python-lz4 (newer barman) read.
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Streams;

namespace Barman.Core.Compression;

/// <summary>lz4 frames, fast mode, 256 KiB blocks with block checksums (see <see cref="NativeLz4.Compress"/>).</summary>
public sealed class Lz4Codec : IWalCodec
{
    public string? Name => "lz4";

    public bool Matches(ReadOnlySpan<byte> header) =>
        header.Length >= 4 && header[0] == 0x04 && header[1] == 0x22 && header[2] == 0x4D && header[3] == 0x18;

    /// <summary>Native liblz4 when the system has it, else K4os (same frame format either way).</summary>
    public Stream Compress(Stream destination) =>
        NativeLz4.Available ? new OneShotCompressStream(destination, NativeLz4.Compress) : CompressManaged(destination);

    /// <summary>The K4os encoder with the native frame's settings (used where liblz4 is missing).</summary>
    internal static Stream CompressManaged(Stream destination) =>
        LZ4Stream.Encode(destination, new LZ4EncoderSettings
        {
            CompressionLevel = LZ4Level.L00_FAST,
            BlockSize = 256 * 1024,
            BlockChecksum = true,
            ChainBlocks = false,
        }, leaveOpen: true);

    public Stream Decompress(Stream source) =>
        NativeLz4.Available ? NativeLz4.DecodeStream(source) : LZ4Stream.Decode(source, leaveOpen: true);
}
