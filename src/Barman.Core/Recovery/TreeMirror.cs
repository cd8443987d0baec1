// Makes a destination directory an exact copy of a source tree (rsync -a --delete semantics), files in parallel.
namespace Barman.Core.Recovery;

/// <summary>What a mirror did: files copied, files skipped by the quick check, bytes copied.</summary>
public sealed record MirrorStats(int FilesCopied, int FilesSkipped, long BytesCopied);

/// <summary>
/// Copies a directory tree: modes and mtimes preserved, symlinks copied as links, entries in the destination
/// that the source lacks deleted (never following a link). Files go through <see cref="File.Copy(string, string, bool)"/>,
/// which lets the Linux kernel copy the bytes.
/// </summary>
public static class TreeMirror
{
    private sealed record Entry(string Relative, FileSystemInfo Info);

    /// <param name="source">Directory to copy.</param>
    /// <param name="destination">Directory to create or overwrite.</param>
    /// <param name="exclude">Relative path ('/'-separated) → true to skip it (a skipped directory is skipped whole).</param>
    /// <param name="jobs">Files copied at the same time.</param>
    /// <param name="safeHorizon">When set, a destination file with the same size and mtime older than this is kept.</param>
    /// <param name="ct">Cancels the copy.</param>
    public static async Task<MirrorStats> MirrorAsync(
        string source, string destination, Func<string, bool> exclude, int jobs, DateTimeOffset? safeHorizon, CancellationToken ct)
    {
        var root = new DirectoryInfo(source);
        var entries = new List<Entry>();
        Walk(root, string.Empty, exclude, entries);
        var wanted = entries.ToDictionary(e => e.Relative, e => e.Info, StringComparer.Ordinal);

        Directory.CreateDirectory(destination);
        Prune(new DirectoryInfo(destination), string.Empty, wanted);

        foreach (var dir in entries.Where(e => e.Info is DirectoryInfo && e.Info.LinkTarget is null))
        {
            Directory.CreateDirectory(Path.Combine(destination, dir.Relative));
        }
        foreach (var link in entries.Where(e => e.Info.LinkTarget is not null))
        {
            var path = Path.Combine(destination, link.Relative);
            if (new FileInfo(path) is { LinkTarget: { } existing } && existing == link.Info.LinkTarget)
            {
                continue;
            }
            File.Delete(path);
            File.CreateSymbolicLink(path, link.Info.LinkTarget!);
        }

        var copied = 0;
        var skipped = 0;
        long bytes = 0;
        var files = entries.Where(e => e.Info is FileInfo && e.Info.LinkTarget is null).Select(e => (e.Relative, Info: (FileInfo)e.Info))
            .OrderByDescending(f => f.Info.Length); // big files first keeps every job busy until the end
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = ct }, (file, _) =>
        {
            var target = Path.Combine(destination, file.Relative);
            if (safeHorizon is { } horizon && new FileInfo(target) is { Exists: true } existing
                && existing.Length == file.Info.Length && existing.LastWriteTimeUtc == file.Info.LastWriteTimeUtc
                && file.Info.LastWriteTimeUtc < horizon.UtcDateTime)
            {
                Interlocked.Increment(ref skipped);
                return ValueTask.CompletedTask;
            }
            File.Copy(file.Info.FullName, target, overwrite: true);
            FileModes.Set(target, file.Info.UnixFileMode);
            File.SetLastWriteTimeUtc(target, file.Info.LastWriteTimeUtc);
            Interlocked.Increment(ref copied);
            Interlocked.Add(ref bytes, file.Info.Length);
            return ValueTask.CompletedTask;
        });

        // Directory modes and mtimes last, deepest first: creating children changes a directory's mtime.
        foreach (var dir in entries.Where(e => e.Info is DirectoryInfo && e.Info.LinkTarget is null).OrderByDescending(e => e.Relative.Length))
        {
            var path = Path.Combine(destination, dir.Relative);
            FileModes.Set(path, dir.Info.UnixFileMode);
            Directory.SetLastWriteTimeUtc(path, dir.Info.LastWriteTimeUtc);
        }
        FileModes.Set(destination, root.UnixFileMode);
        Directory.SetLastWriteTimeUtc(destination, root.LastWriteTimeUtc);
        return new MirrorStats(copied, skipped, bytes);
    }

    private static void Walk(DirectoryInfo dir, string prefix, Func<string, bool> exclude, List<Entry> into)
    {
        foreach (var info in dir.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            var relative = prefix + info.Name;
            if (exclude(relative))
            {
                continue;
            }
            into.Add(new Entry(relative, info));
            if (info is DirectoryInfo sub && info.LinkTarget is null)
            {
                Walk(sub, relative + "/", exclude, into);
            }
        }
    }

    /// <summary>Deletes what the source does not have, or has with another type; never follows links.</summary>
    private static void Prune(DirectoryInfo dir, string prefix, Dictionary<string, FileSystemInfo> wanted)
    {
        foreach (var info in dir.EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            var relative = prefix + info.Name;
            var isLink = info.LinkTarget is not null;
            var keep = wanted.TryGetValue(relative, out var src)
                && (src.LinkTarget is not null) == isLink
                && (src is DirectoryInfo) == (info is DirectoryInfo);
            if (keep)
            {
                if (info is DirectoryInfo sub && !isLink)
                {
                    Prune(sub, relative + "/", wanted);
                }
                continue;
            }
            if (isLink || info is FileInfo)
            {
                File.Delete(info.FullName);
            }
            else
            {
                Directory.Delete(info.FullName, recursive: true);
            }
        }
    }
}
