// The one place catalog files are written: temp file, fsync, rename, fsync the directory.
using System.Runtime.InteropServices;

namespace Barman.Core.Storage;

/// <summary>Crash-safe file writes: a reader sees the old content or the new one, never a torn file.</summary>
public static partial class DurableFile
{
    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> atomically and durably. Catalog files are small,
    /// so this runs synchronously; the async shape keeps callers uniform.
    /// </summary>
    public static Task WriteAtomicAsync(string path, ReadOnlyMemory<byte> content, UnixFileMode? mode = null, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        WriteAtomic(path, content.Span, mode);
        return Task.CompletedTask;
    }

    /// <summary>Temp file in the same directory, write, fsync, rename over <paramref name="path"/>, fsync the directory.</summary>
    public static void WriteAtomic(string path, ReadOnlySpan<byte> content, UnixFileMode? mode = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = m;
            }
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            SyncDirectory(directory);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>fsyncs an already written file (e.g. one produced by a stream copy).</summary>
    public static void SyncFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>fsyncs a directory so a rename or a new entry in it survives a crash.</summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return;
        }
        try
        {
            _ = Fsync(fd);
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
