// wals/xlog.db as a whole: read every entry once, append under the xlogdb lock, rewrite atomically.
using System.Text;
using Barman.Core.Configuration;
using Barman.Core.Locking;
using Barman.Core.Storage;

namespace Barman.Core.Catalog;

/// <summary>The WAL catalog of one server. Readers need no lock (writers append whole lines or rename).</summary>
public static class XlogDb
{
    public const string FileName = "xlog.db";

    public static string PathFor(ServerConfig server) => Path.Combine(server.WalsDirectory, FileName);

    /// <summary>Every well-formed entry in file order; a torn last line (crash mid-append) is ignored.</summary>
    public static IReadOnlyList<XlogDbEntry> ReadAll(ServerConfig server) => ReadAll(PathFor(server));

    public static IReadOnlyList<XlogDbEntry> ReadAll(string path)
    {
        var bytes = ReadBytes(path);
        // One read, then a walk over the bytes decoding one line at a time: xlog.db holds tens of thousands of lines
        // on a busy server and a whole-file string would double the memory touched.
        var lines = CompleteLines(bytes);
        var result = new List<XlogDbEntry>(lines.Count);
        foreach (var (start, length) in lines)
        {
            if (ParseLine(bytes.AsSpan(start, length)) is { } entry)
            {
                result.Add(entry);
            }
        }
        return result;
    }

    /// <summary>
    /// Where each non-empty line of xlog.db bytes lies, newline excluded. A torn last line (a crash mid-append, or
    /// a reader racing a writer) has no newline yet and is left out.
    /// </summary>
    internal static List<(int Start, int Length)> CompleteLines(byte[] data)
    {
        var complete = data.AsSpan(0, data.AsSpan().LastIndexOf((byte)'\n') + 1);
        var lines = new List<(int Start, int Length)>(complete.Length / 56);
        for (var pos = 0; pos < complete.Length;)
        {
            var length = complete[pos..].IndexOf((byte)'\n');
            if (length > 0)
            {
                lines.Add((pos, length));
            }
            pos += length + 1;
        }
        return lines;
    }

    /// <summary>The bytes of xlog.db; empty when it does not exist.</summary>
    internal static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return [];
        }
    }

    /// <summary>One line (without its newline) as an entry, or null when it is malformed.</summary>
    internal static XlogDbEntry? ParseLine(ReadOnlySpan<byte> line)
    {
        Span<char> chars = stackalloc char[256];
        return line.Length <= chars.Length
            ? XlogDbEntry.TryParse(chars[..Encoding.UTF8.GetChars(line, chars)])
            : XlogDbEntry.TryParse(Encoding.UTF8.GetString(line));
    }

    /// <summary>Waits for the xlogdb lock (as barman does: every writer queues behind the holder).</summary>
    public static LockFile Lock(ServerConfig server, CancellationToken ct = default)
    {
        var path = ServerLocks.XlogDb(server);
        while (true)
        {
            if (LockFile.TryAcquire(path) is { } held)
            {
                return held;
            }
            ct.ThrowIfCancellationRequested();
            Thread.Sleep(10);
        }
    }

    /// <summary>Opens xlog.db for appending under the xlogdb lock.</summary>
    public static XlogDbAppender OpenAppender(ServerConfig server, CancellationToken ct = default) =>
        XlogDbAppender.Open(PathFor(server), Lock(server, ct));

    /// <summary>Replaces xlog.db with <paramref name="entries"/> (temp file, fsync, rename, fsync dir), under the lock.</summary>
    public static void Rewrite(ServerConfig server, IEnumerable<XlogDbEntry> entries, CancellationToken ct = default)
    {
        using var held = Lock(server, ct);
        RewriteLocked(PathFor(server), entries);
    }

    /// <summary>Rewrite for callers already holding the xlogdb lock.</summary>
    public static void RewriteLocked(string path, IEnumerable<XlogDbEntry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries)
        {
            sb.Append(e.Format());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DurableFile.WriteAtomic(path, Encoding.UTF8.GetBytes(sb.ToString()), DefaultMode);
    }

    internal const UnixFileMode DefaultMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
}
