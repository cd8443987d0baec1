// A barman lock file: .<server>-<kind>.lock, mode 0600, PID inside, held with flock(2) like barman's own.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Barman.Core.Errors;

namespace Barman.Core.Locking;

/// <summary>
/// An exclusive lock held for the lifetime of the object. The file is never removed (as barman does);
/// the kernel lock, not the file's existence, excludes other processes, so a crashed holder never blocks.
/// flock(2) is what Python barman uses, so ours and the real barman exclude each other.
/// </summary>
public sealed partial class LockFile : IDisposable
{
    private const int OpenReadWrite = 0x2;
    private const int OpenCreate = 0x40;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int Unlock = 8;
    private const int OwnerReadWrite = 0x180; // 0600

    private int _fd;

    private LockFile(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    public string Path { get; }

    /// <summary>Takes the lock or returns null when another holder has it.</summary>
    public static LockFile? TryAcquire(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var fd = Open(path, OpenReadWrite | OpenCreate | OpenCloseOnExec, OwnerReadWrite);
        if (fd < 0)
        {
            throw new BarmanException($"Cannot open lock file '{path}': {Marshal.GetLastPInvokeErrorMessage()}");
        }
        if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
        {
            _ = Close(fd);
            return null;
        }
        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        _ = Ftruncate(fd, 0);
        _ = Pwrite(fd, pid, pid.Length, 0);
        return new LockFile(path, fd);
    }

    /// <summary>Takes the lock or throws <see cref="LockFileBusyException"/> with <paramref name="busyMessage"/>.</summary>
    public static LockFile Acquire(string path, string busyMessage) =>
        TryAcquire(path) ?? throw new LockFileBusyException(busyMessage);

    /// <summary>Waits up to <paramref name="timeout"/> for the lock.</summary>
    public static async Task<LockFile?> AcquireWaitingAsync(string path, TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }
            if (clock.GetUtcNow() >= deadline)
            {
                return null;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
    }

    /// <summary>True when some holder has the lock now. Probes without writing, so the holder's PID stays.</summary>
    public static bool IsHeld(string path)
    {
        var fd = Open(path, OpenCloseOnExec, 0);
        if (fd < 0)
        {
            return false;
        }
        try
        {
            if (Flock(fd, LockExclusive | LockNonBlocking) != 0)
            {
                return true;
            }
            _ = Flock(fd, Unlock);
            return false;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>The PID written by the current or last holder, if readable.</summary>
    /// <remarks>
    /// Read with open(2)/read(2): .NET's FileStream takes its own shared flock on Unix, which fails while the
    /// holder has the exclusive one, i.e. exactly when the PID matters (receive-wal --stop).
    /// </remarks>
    public static int? ReadPid(string path)
    {
        var fd = Open(path, OpenCloseOnExec, 0);
        if (fd < 0)
        {
            return null;
        }
        try
        {
            var buffer = new byte[32];
            var count = (int)Read(fd, buffer, buffer.Length);
            if (count <= 0)
            {
                return null;
            }
            var text = Encoding.ASCII.GetString(buffer, 0, count);
            var line = text.Split('\n')[0];
            return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = Flock(fd, Unlock);
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "ftruncate", SetLastError = true)]
    private static partial int Ftruncate(int fd, long length);

    [LibraryImport("libc", EntryPoint = "pwrite", SetLastError = true)]
    private static partial nint Pwrite(int fd, byte[] buffer, nint count, long offset);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int fd, byte[] buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
