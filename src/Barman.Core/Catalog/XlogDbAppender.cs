// Appends whole lines to xlog.db and makes them durable; repairs a torn tail left by a crash first.
using System.Text;
using Barman.Core.Locking;

namespace Barman.Core.Catalog;

/// <summary>An open xlog.db holding the xlogdb lock until disposed.</summary>
public sealed class XlogDbAppender : IDisposable
{
    private readonly FileStream _stream;
    private readonly LockFile _lock;

    private XlogDbAppender(FileStream stream, LockFile held)
    {
        _stream = stream;
        _lock = held;
    }

    internal static XlogDbAppender Open(string path, LockFile held)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Unbuffered: a failed append must leave nothing behind in a buffer that a later flush would write.
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, BufferSize = 0 };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = XlogDb.DefaultMode;
            }
            var stream = new FileStream(path, options);
            TruncateTornTail(stream);
            stream.Seek(0, SeekOrigin.End);
            return new XlogDbAppender(stream, held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Writes the lines and fsyncs: when this returns they survive a crash.</summary>
    public void Append(IReadOnlyCollection<XlogDbEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.Append(e.Format());
        }
        var before = _stream.Length;
        try
        {
            _stream.Write(Encoding.UTF8.GetBytes(sb.ToString()));
            _stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A full disk can take some of the lines and refuse the rest. Cut them all back: the caller retries the
            // whole group, and lines kept from a failed append would be listed twice.
            try
            {
                _stream.SetLength(before);
                _stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                // The torn tail is cut by the next Open; the first error is the one reported.
            }
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            // On a full disk the stream's final flush throws: the lock must be released all the same,
            // or the next commit in this process waits for it forever.
            _stream.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    // A crash (or a full disk) in the middle of a write can leave a line without its newline; the next
    // line appended would glue onto it, so cut the file back to its last complete line.
    private static void TruncateTornTail(FileStream stream)
    {
        var length = stream.Length;
        if (length == 0)
        {
            return;
        }
        var window = (int)Math.Min(length, 4096);
        var buf = new byte[window];
        var end = length;
        while (end > 0)
        {
            var start = Math.Max(0, end - window);
            var n = (int)(end - start);
            stream.Position = start;
            stream.ReadExactly(buf, 0, n);
            var nl = Array.LastIndexOf(buf, (byte)'\n', n - 1);
            if (nl >= 0)
            {
                var keep = start + nl + 1;
                if (keep != length)
                {
                    stream.SetLength(keep);
                    stream.Flush(flushToDisk: true);
                }
                return;
            }
            end = start;
        }
        stream.SetLength(0);
    }
}
