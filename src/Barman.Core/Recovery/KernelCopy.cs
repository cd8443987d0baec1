// Linux fast path for copying one file: statx, then copy_file_range so the kernel moves (or reflinks) the bytes.
using System.Runtime.InteropServices;

namespace Barman.Core.Recovery;

/// <summary>What the copy needs to know about one entry of the source tree, from a single statx(2).</summary>
internal readonly record struct EntryStat(UnixFileMode Mode, long Size, long MtimeSeconds, uint MtimeNanoseconds, int Type)
{
    public const int TypeFile = 0x8000;
    public const int TypeDirectory = 0x4000;
    public const int TypeLink = 0xA000;
}

/// <summary>
/// Seven system calls per file (open, open, copy_file_range, fchmod, futimens, close, close) instead of the dozen
/// File.Copy + SetUnixFileMode + SetLastWriteTimeUtc make. copy_file_range never brings the bytes into user space,
/// and on XFS or btrfs it clones extents. mtimes keep their nanoseconds, as rsync -a does.
/// </summary>
internal static partial class KernelCopy
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7FF;
    private const int ORdOnly = 0;
    private const int OWrOnlyCreatTrunc = 0x1 | 0x40 | 0x200;
    private const int OCloexec = 0x80000;
    private const int Enosys = 38;
    private const int Exdev = 18;
    private const int Einval = 22;
    private const int Eopnotsupp = 95;

    /// <summary>Chunk of one copy_file_range call: progress is reported between chunks.</summary>
    private const long Chunk = 64L << 20;

    public static bool Supported { get; } = OperatingSystem.IsLinux() && (RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64);

    /// <summary>lstat-like: never follows a final symbolic link.</summary>
    public static EntryStat Stat(string path)
    {
        Span<byte> buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            throw Error("stat", path);
        }
        var mode = BitConverter.ToUInt16(buffer[28..]);
        return new EntryStat(
            (UnixFileMode)(mode & 0xFFF),
            BitConverter.ToInt64(buffer[40..]),
            BitConverter.ToInt64(buffer[112..]),
            BitConverter.ToUInt32(buffer[120..]),
            mode & 0xF000);
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="destination"/> with its mode and mtime.</summary>
    /// <param name="onBytes">Called with the bytes copied so far, chunk by chunk.</param>
    public static void CopyFile(string source, string destination, EntryStat stat, Action<long>? onBytes)
    {
        var input = Open(source, ORdOnly | OCloexec, 0);
        if (input < 0)
        {
            throw Error("open", source);
        }
        try
        {
            var output = Open(destination, OWrOnlyCreatTrunc | OCloexec, 0x180);
            if (output < 0)
            {
                throw Error("create", destination);
            }
            try
            {
                long inOffset = 0;
                long outOffset = 0;
                while (inOffset < stat.Size)
                {
                    var n = CopyFileRange(input, ref inOffset, output, ref outOffset, (nuint)Math.Min(Chunk, stat.Size - inOffset), 0);
                    if (n < 0 && Marshal.GetLastPInvokeError() is Enosys or Exdev or Einval or Eopnotsupp)
                    {
                        CopyWithStreams(source, destination, inOffset);
                        break;
                    }
                    if (n < 0)
                    {
                        throw Error("copy", destination);
                    }
                    if (n == 0)
                    {
                        break; // the file shrank while we copied: copy what there is, as cp does
                    }
                    onBytes?.Invoke(n);
                }
                if (FChmod(output, (uint)stat.Mode) != 0)
                {
                    throw Error("chmod", destination);
                }
                // atime = now (UTIME_NOW), mtime = the source's, to the nanosecond.
                ReadOnlySpan<long> times = [0, (1L << 30) - 1, stat.MtimeSeconds, stat.MtimeNanoseconds];
                if (FutimeNs(output, times) != 0)
                {
                    throw Error("set the mtime of", destination);
                }
            }
            finally
            {
                _ = Close(output);
            }
        }
        finally
        {
            _ = Close(input);
        }
    }

    /// <summary>Sets a path's mtime to the nanosecond without following a final link.</summary>
    public static void SetMtime(string path, EntryStat stat)
    {
        ReadOnlySpan<long> times = [0, (1L << 30) - 1, stat.MtimeSeconds, stat.MtimeNanoseconds];
        if (UtimensAt(AtFdCwd, path, times, AtSymlinkNoFollow) != 0)
        {
            throw Error("set the mtime of", path);
        }
    }

    /// <summary>Filesystems without copy_file_range between them (or old kernels): finish with read/write.</summary>
    private static void CopyWithStreams(string source, string destination, long from)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
        using var output = new FileStream(destination, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 20);
        input.Position = from;
        output.Position = from;
        input.CopyTo(output);
    }

    private static IOException Error(string what, string path) =>
        new($"Cannot {what} '{path}': {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "copy_file_range", SetLastError = true)]
    private static partial nint CopyFileRange(int fdIn, ref long offIn, int fdOut, ref long offOut, nuint len, uint flags);

    [LibraryImport("libc", EntryPoint = "fchmod", SetLastError = true)]
    private static partial int FChmod(int fd, uint mode);

    [LibraryImport("libc", EntryPoint = "futimens", SetLastError = true)]
    private static partial int FutimeNs(int fd, ReadOnlySpan<long> times);

    [LibraryImport("libc", EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UtimensAt(int dirfd, string path, ReadOnlySpan<long> times, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
