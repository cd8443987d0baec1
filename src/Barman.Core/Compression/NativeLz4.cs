// liblz4 (the system library the lz4 tool uses) for lz4 frames: one-shot compression, streaming decompression.
using System.Runtime.InteropServices;

namespace Barman.Core.Compression;

/// <summary>LZ4F frame API; <see cref="Available"/> is false when liblz4.so.1 is missing.</summary>
internal static partial class NativeLz4
{
    private const string Lib = "liblz4.so.1";
    private const uint Version = 100;

    public static readonly bool Available = OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Lib, out _);

    /// <summary>
    /// One frame (as `lz4 -1 -B5 -BX --no-frame-crc --content-size`): 256 KiB independent blocks, each with an xxHash32 of
    /// its compressed bytes, and the content size. A block checksum detects a damaged archive as a content checksum
    /// would (every stored byte is covered, and LZ4F checks the decoded size against the header), but it hashes about
    /// 1/10 of the bytes: on get-wal the content checksum was a fifth of the whole run. Frames written earlier (4 MiB
    /// blocks, content checksum) still decode and are still verified.
    /// </summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, out int length)
    {
        // LZ4F_preferences_t: frameInfo{blockSizeID, blockMode, contentChecksumFlag, frameType, contentSize, dictID,
        // blockChecksumFlag}, compressionLevel, autoFlush, favorDecSpeed, reserved[3] = 56 bytes.
        Span<byte> prefs = stackalloc byte[56];
        prefs.Clear();
        BitConverter.TryWriteBytes(prefs[0..], 5);  // LZ4F_max256KB
        BitConverter.TryWriteBytes(prefs[4..], 1);  // LZ4F_blockIndependent
        BitConverter.TryWriteBytes(prefs[16..], (ulong)source.Length);
        BitConverter.TryWriteBytes(prefs[28..], 1); // LZ4F_blockChecksumEnabled
        var bound = (int)CompressFrameBound((nuint)source.Length, ref MemoryMarshal.GetReference(prefs));
        var dst = new byte[bound];
        var n = CompressFrame(ref MemoryMarshal.GetArrayDataReference(dst), (nuint)bound, ref MemoryMarshal.GetReference(source), (nuint)source.Length, ref MemoryMarshal.GetReference(prefs));
        if (IsError(n) != 0)
        {
            throw new IOException("lz4 compression failed");
        }
        length = (int)n;
        return dst;
    }

    /// <summary>A streaming decoder over <paramref name="source"/> (every frame).</summary>
    public static Stream DecodeStream(Stream source)
    {
        if (IsError(CreateDecompressionContext(out var ctx, Version)) != 0)
        {
            throw new IOException("lz4: cannot create a decompression context");
        }
        return new NativeDecodeStream(source, (nint dst, ref nuint dstSize, nint src, ref nuint srcSize) =>
        {
            var hint = DecompressPtr(ctx, dst, ref dstSize, src, ref srcSize, 0);
            if (IsError(hint) != 0)
            {
                throw new InvalidDataException("lz4: corrupt WAL file");
            }
            return hint == 0;
        }, OutputSizeFor, () => FreeDecompressionContext(ctx));
    }

    /// <summary>
    /// LZ4F decodes a block straight into the destination only when a whole block fits there (else it goes through
    /// an internal buffer and one more copy): at least the frame's block size (BD byte), and 1 MiB for small blocks.
    /// </summary>
    internal static int OutputSizeFor(ReadOnlySpan<byte> frameStart)
    {
        var blockSizeId = frameStart.Length > 5 ? (frameStart[5] >> 4) & 7 : 7;
        var blockSize = blockSizeId is >= 4 and <= 7 ? 1 << (8 + (2 * blockSizeId)) : 4 << 20;
        return Math.Max(blockSize, 1 << 20);
    }

    [LibraryImport(Lib, EntryPoint = "LZ4F_decompress")]
    private static partial nuint DecompressPtr(nint ctx, nint dst, ref nuint dstSize, nint src, ref nuint srcSize, nint options);

    [LibraryImport(Lib, EntryPoint = "LZ4F_compressFrameBound")]
    private static partial nuint CompressFrameBound(nuint srcSize, ref byte prefs);

    [LibraryImport(Lib, EntryPoint = "LZ4F_compressFrame")]
    private static partial nuint CompressFrame(ref byte dst, nuint dstCapacity, ref byte src, nuint srcSize, ref byte prefs);

    [LibraryImport(Lib, EntryPoint = "LZ4F_createDecompressionContext")]
    private static partial nuint CreateDecompressionContext(out nint ctx, uint version);

    [LibraryImport(Lib, EntryPoint = "LZ4F_freeDecompressionContext")]
    private static partial nuint FreeDecompressionContext(nint ctx);

    [LibraryImport(Lib, EntryPoint = "LZ4F_isError")]
    private static partial uint IsError(nuint code);
}
