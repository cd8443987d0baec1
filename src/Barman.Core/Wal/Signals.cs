// Sending signals to other processes by PID (receive-wal --stop), through kill(2).
using System.Runtime.InteropServices;

namespace Barman.Core.Wal;

/// <summary>kill(2) wrappers.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/>; false when no such process.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>True while the process exists.</summary>
    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM */;

    /// <summary>
    /// The PID in a lock file held by a live process. Read with open(2)/read(2): a .NET FileStream takes a
    /// shared flock on open, which fails while the holder has its exclusive one.
    /// </summary>
    public static int? ReadLockPid(string path)
    {
        var fd = Open(path, 0x80000 /* O_RDONLY|O_CLOEXEC */);
        if (fd < 0)
        {
            return null;
        }
        try
        {
            Span<byte> buf = stackalloc byte[32];
            var n = (int)Read(fd, ref MemoryMarshal.GetReference(buf), buf.Length);
            if (n <= 0)
            {
                return null;
            }
            var text = System.Text.Encoding.ASCII.GetString(buf[..n]).Trim();
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, ref byte buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
