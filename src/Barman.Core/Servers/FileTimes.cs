// A file's mtime as Python's os.stat().st_mtime computes it (sec + nsec * 1e-9), so printed floats match barman's.
using System.Runtime.InteropServices;

namespace Barman.Core.Servers;

/// <summary>Reads nanosecond mtimes with stat(2); .NET's 100 ns ticks would change the last digits of the float.</summary>
internal static partial class FileTimes
{
    /// <summary>st_mtim lives at byte 88 of struct stat on both linux-x64 and linux-arm64.</summary>
    private const int MtimeOffset = 88;

    public static double MtimeSeconds(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                var buffer = new byte[256];
                if (Stat(path, buffer) == 0)
                {
                    var seconds = BitConverter.ToInt64(buffer, MtimeOffset);
                    var nanoseconds = BitConverter.ToInt64(buffer, MtimeOffset + 8);
                    return seconds + (nanoseconds * 1e-9);
                }
            }
            catch (EntryPointNotFoundException)
            {
                // glibc older than 2.33 has no stat symbol: fall through to .NET's resolution.
            }
        }
        return (File.GetLastWriteTimeUtc(path) - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, byte[] buffer);
}
