// Whole-file reads of the catalog's small files (backup.info, annotations) with open, read and close only.
using System.Buffers;
using System.Runtime.InteropServices;

namespace Barman.Core.Storage;

/// <summary>
/// Reads a small file into a pooled buffer. .NET's file handles add two fstat calls per file, which cost as much as
/// the read itself when a command reads every backup.info of a catalog of thousands.
/// </summary>
internal static partial class SmallFile
{
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
    private const int DirectoryOnly = 0x10000;       // O_DIRECTORY
    private const int CurrentDirectory = -100;       // AT_FDCWD
    private const int NoEntry = 2;                   // ENOENT
    private const int Interrupted = 4;               // EINTR
    private const int AccessDenied = 13;             // EACCES
    private const int NotADirectory = 20;            // ENOTDIR

    /// <summary>A rented buffer holding a file's bytes; dispose returns it to the pool.</summary>
    public readonly struct Contents(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>
    /// An open directory whose files are read by relative path: the kernel walks two path components per file
    /// instead of the whole absolute path, which was the largest single cost of reading a catalog.
    /// </summary>
    public sealed class Directory : IDisposable
    {
        private readonly int _fd;
        private readonly string _path;

        internal Directory(int fd, string path)
        {
            _fd = fd;
            _path = path;
        }

        /// <summary>The bytes of <paramref name="relativePath"/> below this directory, or null when it does not exist.</summary>
        public Contents? TryRead(string relativePath, int maxBytes = 16 << 20) =>
            SmallFile.TryRead(_fd, relativePath, _path, maxBytes);

        public void Dispose() => _ = Close(_fd);
    }

    /// <summary>Opens a directory for <see cref="Directory.TryRead"/>; null when it does not exist.</summary>
    public static Directory? TryOpenDirectory(string path)
    {
        var fd = OpenChecked(CurrentDirectory, path, null, DirectoryOnly);
        return fd < 0 ? null : new Directory(fd, path);
    }

    /// <summary>The file's bytes, or null when it (or a directory above it) does not exist.</summary>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened for reading.</exception>
    /// <exception cref="IOException">Any other failure, or a file larger than <paramref name="maxBytes"/>.</exception>
    public static Contents? TryRead(string path, int maxBytes = 16 << 20) => TryRead(CurrentDirectory, path, null, maxBytes);

    // The path errors name: relative paths under their directory's path, joined only when an error needs it.
    private static string Shown(string path, string? directoryPath) => directoryPath is null ? path : Path.Combine(directoryPath, path);

    /// <summary>open(2) relative to a directory; -1 when the path does not exist, an exception for any other failure.</summary>
    private static int OpenChecked(int directoryFd, string path, string? directoryPath, int extraFlags)
    {
        int fd;
        while ((fd = OpenAt(directoryFd, path, ReadOnlyCloseOnExec | extraFlags)) < 0 && Marshal.GetLastPInvokeError() == Interrupted)
        {
        }
        if (fd >= 0)
        {
            return fd;
        }
        return Marshal.GetLastPInvokeError() switch
        {
            NoEntry or NotADirectory => -1,
            AccessDenied => throw new UnauthorizedAccessException($"Access to the path '{Shown(path, directoryPath)}' is denied."),
            var errno => throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{Shown(path, directoryPath)}'"),
        };
    }

    private static Contents? TryRead(int directoryFd, string path, string? directoryPath, int maxBytes)
    {
        var fd = OpenChecked(directoryFd, path, directoryPath, 0);
        if (fd < 0)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= maxBytes)
                    {
                        throw new IOException($"'{Shown(path, directoryPath)}' is larger than {maxBytes} bytes");
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var n = Read(fd, buffer.AsSpan(length));
                if (n == 0)
                {
                    return new Contents(buffer, length);
                }
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted)
                    {
                        continue;
                    }
                    throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{Shown(path, directoryPath)}'");
                }
                length += (int)n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static unsafe nint Read(int fd, Span<byte> into)
    {
        fixed (byte* p = into)
        {
            return Read(fd, p, into.Length);
        }
    }

    [LibraryImport("libc", EntryPoint = "openat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int OpenAt(int directoryFd, string path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
