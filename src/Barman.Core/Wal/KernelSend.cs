// Linux fast path for get-wal of a file stored as it is asked for: sendfile(2) moves the bytes inside the kernel.
using System.Runtime.InteropServices;

namespace Barman.Core.Wal;

/// <summary>
/// restore_command redirects get-wal's stdout to PostgreSQL's %p file: an uncompressed segment can go from the
/// archive to that descriptor without passing through user space (no read/write pair per MiB).
/// </summary>
internal static partial class KernelSend
{
    private const int EINTR = 4;
    private const int EAGAIN = 11;

    /// <summary>Sends the rest of <paramref name="input"/> to <paramref name="destination"/>; false when the kernel cannot (then nothing was sent).</summary>
    public static bool TrySend(FileStream input, Stream destination)
    {
        if (!OperatingSystem.IsLinux() || DescriptorOf(destination) is not { } outFd)
        {
            return false;
        }
        var inFd = (int)input.SafeFileHandle.DangerousGetHandle();
        var sent = 0L;
        while (true)
        {
            var n = SendFile(outFd, inFd, 0, 1 << 30);
            if (n > 0)
            {
                sent += n;
                continue;
            }
            if (n == 0)
            {
                return true;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno is EINTR or EAGAIN)
            {
                continue;
            }
            if (sent == 0)
            {
                // EINVAL/ENOSYS (an output sendfile cannot write to): the caller streams instead.
                return false;
            }
            throw new IOException($"cannot send {input.Name}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
    }

    private static int? DescriptorOf(Stream destination) => destination switch
    {
        StdoutStream => 1,
        FileStream file when file.Position == 0 => (int)file.SafeFileHandle.DangerousGetHandle(),
        _ => null,
    };

    [LibraryImport("libc", EntryPoint = "sendfile", SetLastError = true)]
    private static partial nint SendFile(int outFd, int inFd, nint offset, nuint count);
}
