// Nanosecond file times and modes through statx/utimensat, so xlog.db mtimes match Python's os.stat().st_mtime.
using System.Runtime.InteropServices;
using Barman.Core.Errors;

namespace Barman.Core.Wal;

/// <summary>A file's size, mode and times at full precision.</summary>
public readonly record struct FileStamp(long Size, UnixFileMode Mode, long AtimeSec, long AtimeNsec, long MtimeSec, long MtimeNsec)
{
    /// <summary>st_mtime as CPython computes it (sec + nsec * 1e-9), the value barman writes in xlog.db.</summary>
    public double PythonMtime => MtimeSec + (MtimeNsec * 1e-9);
}

/// <summary>statx/utimensat wrappers (.NET's DateTime has 100 ns ticks and would round the stored mtime).</summary>
public static partial class PosixFile
{
    private const int AtFdCwd = -100;
    private const int StatxBasicStats = 0x7ff;

    public static FileStamp Stat(string path)
    {
        Span<byte> buf = stackalloc byte[256];
        if (Statx(AtFdCwd, path, 0, StatxBasicStats, ref MemoryMarshal.GetReference(buf)) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 2
                ? new FileNotFoundException($"No such file: '{path}'", path)
                : new IOException($"stat '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var mode = BitConverter.ToUInt16(buf[28..]);
        var size = BitConverter.ToInt64(buf[40..]);
        return new FileStamp(
            size,
            (UnixFileMode)(mode & 0xFFF),
            BitConverter.ToInt64(buf[64..]),
            BitConverter.ToUInt32(buf[72..]),
            BitConverter.ToInt64(buf[112..]),
            BitConverter.ToUInt32(buf[120..]));
    }

    /// <summary>Copies mode and access/modification times, as Python's shutil.copystat does.</summary>
    public static void CopyStat(FileStamp from, string toPath)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(toPath, from.Mode);
        }
        Span<long> times = [from.AtimeSec, from.AtimeNsec, from.MtimeSec, from.MtimeNsec];
        if (Utimensat(AtFdCwd, toPath, ref MemoryMarshal.GetReference(times), 0) != 0)
        {
            throw new BarmanException($"Cannot set the times of '{toPath}': {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    /// <summary>Hard-links <paramref name="existing"/> as <paramref name="link"/>; false when the file systems differ.</summary>
    public static bool TryLink(string existing, string link) => Link(existing, link) == 0;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, int mask, ref byte buffer);

    [LibraryImport("libc", EntryPoint = "utimensat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Utimensat(int dirfd, string path, ref long times, int flags);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
