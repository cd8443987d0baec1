// libzstd (the system library the zstd tool uses) for one-shot WAL compression: ~4x the managed port's speed.
using System.Runtime.InteropServices;

namespace Barman.Core.Compression;

/// <summary>One-shot ZSTD_compress/ZSTD_decompress; <see cref="Available"/> is false when libzstd.so.1 is missing.</summary>
internal static partial class NativeZstd
{
    private const string Lib = "libzstd.so.1";
    private const ulong ContentSizeUnknown = ulong.MaxValue;
    private const ulong ContentSizeError = ulong.MaxValue - 1;

    // zstd decodes through its own window buffer anyway: a buffer that stays in the CPU cache is the fastest.
    private const int OutputSize = 1 << 20;

    public static readonly bool Available = OperatingSystem.IsLinux() && NativeLibrary.TryLoad(Lib, out _);

    public static byte[] Compress(ReadOnlySpan<byte> source, int level, out int length)
    {
        var bound = (int)CompressBound((nuint)source.Length);
        var dst = new byte[bound];
        var n = Compress(ref MemoryMarshal.GetArrayDataReference(dst), (nuint)bound, ref MemoryMarshal.GetReference(source), (nuint)source.Length, level);
        if (IsError(n) != 0)
        {
            throw new IOException("zstd compression failed");
        }
        length = (int)n;
        return dst;
    }

    /// <summary>Decompresses a whole file whose frame records its size; null when it does not (caller streams instead).</summary>
    public static byte[]? TryDecompress(ReadOnlySpan<byte> source)
    {
        var size = GetFrameContentSize(ref MemoryMarshal.GetReference(source), (nuint)source.Length);
        if (size is ContentSizeUnknown or ContentSizeError || size > int.MaxValue)
        {
            return null;
        }
        var dst = new byte[size];
        var n = Decompress(ref MemoryMarshal.GetArrayDataReference(dst), (nuint)dst.Length, ref MemoryMarshal.GetReference(source), (nuint)source.Length);
        // Several concatenated frames need more room than the first one announces: let the streaming decoder do it.
        return IsError(n) != 0 || n != (nuint)dst.Length ? null : dst;
    }

    /// <summary>A streaming decoder over <paramref name="source"/> (every frame, any content size).</summary>
    public static Stream DecodeStream(Stream source)
    {
        var dctx = CreateDCtx();
        return new NativeDecodeStream(source, (nint dst, ref nuint dstSize, nint src, ref nuint srcSize) =>
        {
            var output = new Buffer(dst, dstSize, 0);
            var input = new Buffer(src, srcSize, 0);
            var r = DecompressStream(dctx, ref output, ref input);
            if (IsError(r) != 0)
            {
                throw new InvalidDataException("zstd: corrupt WAL file");
            }
            dstSize = output.Pos;
            srcSize = input.Pos;
            return r == 0;
        }, _ => OutputSize, () => FreeDCtx(dctx));
    }

    [LibraryImport(Lib, EntryPoint = "ZSTD_freeDCtx")]
    private static partial nuint FreeDCtx(nint dctx);

    [StructLayout(LayoutKind.Sequential)]
    private record struct Buffer(nint Ptr, nuint Size, nuint Pos);

    [LibraryImport(Lib, EntryPoint = "ZSTD_createDCtx")]
    private static partial nint CreateDCtx();

    [LibraryImport(Lib, EntryPoint = "ZSTD_decompressStream")]
    private static partial nuint DecompressStream(nint dctx, ref Buffer output, ref Buffer input);

    [LibraryImport(Lib, EntryPoint = "ZSTD_compressBound")]
    private static partial nuint CompressBound(nuint srcSize);

    [LibraryImport(Lib, EntryPoint = "ZSTD_compress")]
    private static partial nuint Compress(ref byte dst, nuint dstCapacity, ref byte src, nuint srcSize, int level);

    [LibraryImport(Lib, EntryPoint = "ZSTD_decompress")]
    private static partial nuint Decompress(ref byte dst, nuint dstCapacity, ref byte src, nuint srcSize);

    [LibraryImport(Lib, EntryPoint = "ZSTD_getFrameContentSize")]
    private static partial ulong GetFrameContentSize(ref byte src, nuint srcSize);

    [LibraryImport(Lib, EntryPoint = "ZSTD_isError")]
    private static partial uint IsError(nuint code);
}
