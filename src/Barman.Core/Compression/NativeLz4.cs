// liblz4 (the system library the lz4 tool uses) for lz4 frames: one-shot compression, streaming decompression.
using System.Runtime.InteropServices;

namespace Barman.Core.Compression;

/// <summary>LZ4F frame API; <see cref="Available"/> is false when liblz4.so.1 is missing.</summary>
internal static partial class NativeLz4
{
    private const string Lib = "liblz4.so.1";
    private const uint Version = 100;

    public static readonly bool Available = OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Lib, out _);

    /// <summary>One frame: 4 MiB independent blocks, content checksum and size, fast level (as `lz4 -1 --content-size`).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> source, out int length)
    {
        // LZ4F_preferences_t: frameInfo{blockSizeID, blockMode, contentChecksumFlag, frameType, contentSize, dictID,
        // blockChecksumFlag}, compressionLevel, autoFlush, favorDecSpeed, reserved[3] = 56 bytes.
        Span<byte> prefs = stackalloc byte[56];
        prefs.Clear();
        BitConverter.TryWriteBytes(prefs[0..], 7);  // LZ4F_max4MB
        BitConverter.TryWriteBytes(prefs[4..], 1);  // LZ4F_blockIndependent
        BitConverter.TryWriteBytes(prefs[8..], 1);  // LZ4F_contentChecksumEnabled
        BitConverter.TryWriteBytes(prefs[16..], (ulong)source.Length);
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

    /// <summary>Decompresses every frame of <paramref name="source"/> into <paramref name="output"/>.</summary>
    public static void Decompress(ReadOnlySpan<byte> source, Stream output)
    {
        if (IsError(CreateDecompressionContext(out var ctx, Version)) != 0)
        {
            throw new IOException("lz4: cannot create a decompression context");
        }
        try
        {
            var buffer = new byte[4 << 20];
            var offset = 0;
            while (offset < source.Length)
            {
                var dstSize = (nuint)buffer.Length;
                var srcSize = (nuint)(source.Length - offset);
                var hint = DecompressStep(ctx, ref MemoryMarshal.GetArrayDataReference(buffer), ref dstSize, ref MemoryMarshal.GetReference(source[offset..]), ref srcSize, 0);
                if (IsError(hint) != 0)
                {
                    throw new InvalidDataException("lz4: corrupt frame");
                }
                output.Write(buffer, 0, (int)dstSize);
                offset += (int)srcSize;
                if (srcSize == 0 && dstSize == 0)
                {
                    throw new InvalidDataException("lz4: truncated frame");
                }
            }
        }
        finally
        {
            _ = FreeDecompressionContext(ctx);
        }
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
        }, () => FreeDecompressionContext(ctx));
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

    [LibraryImport(Lib, EntryPoint = "LZ4F_decompress")]
    private static partial nuint DecompressStep(nint ctx, ref byte dst, ref nuint dstSize, ref byte src, ref nuint srcSize, nint options);

    [LibraryImport(Lib, EntryPoint = "LZ4F_isError")]
    private static partial uint IsError(nuint code);
}
