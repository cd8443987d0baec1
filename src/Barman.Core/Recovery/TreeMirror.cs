// Makes a destination directory an exact copy of a source tree (rsync -a --delete semantics), files in parallel.
namespace Barman.Core.Recovery;

/// <summary>What a mirror did: files copied, files skipped by the quick check, bytes copied.</summary>
public sealed record MirrorStats(int FilesCopied, int FilesSkipped, long BytesCopied);

/// <summary>
/// Copies a directory tree: modes and mtimes preserved, symlinks copied as links, entries in the destination
/// that the source lacks deleted (never following a link). One statx per source entry, directories created once,
/// then the files <c>jobs</c> at a time, biggest first, through <see cref="KernelCopy"/> (copy_file_range: the
/// bytes never enter user space). Nothing is fsynced, as with rsync and cp -a: PostgreSQL fsyncs the whole data
/// directory when it starts recovery (recovery_init_sync_method), and a crash before that means recovering again.
/// </summary>
public static class TreeMirror
{
    private sealed record Entry(string Relative, string FullPath, EntryStat Stat);

    /// <param name="source">Directory to copy.</param>
    /// <param name="destination">Directory to create or overwrite.</param>
    /// <param name="exclude">Relative path ('/'-separated) → true to skip it (a skipped directory is skipped whole).</param>
    /// <param name="jobs">Files copied at the same time.</param>
    /// <param name="safeHorizon">When set, a destination file with the same size and mtime older than this is kept.</param>
    /// <param name="onBytes">Called from the copying threads with each chunk of bytes copied (progress).</param>
    /// <param name="ct">Cancels the copy.</param>
    public static async Task<MirrorStats> MirrorAsync(
        string source, string destination, Func<string, bool> exclude, int jobs, DateTimeOffset? safeHorizon,
        CancellationToken ct, Action<long>? onBytes = null)
    {
        var rootStat = StatOf(source);
        var entries = new List<Entry>();
        Walk(source, string.Empty, exclude, entries);

        var fresh = !Directory.Exists(destination);
        Directory.CreateDirectory(destination);
        if (!fresh)
        {
            var wanted = entries.ToDictionary(e => e.Relative, e => e.Stat.Type, StringComparer.Ordinal);
            Prune(destination, string.Empty, wanted);
        }

        // Walk order puts every directory before its children: one mkdir each.
        foreach (var dir in entries.Where(e => e.Stat.Type == EntryStat.TypeDirectory))
        {
            Directory.CreateDirectory(Path.Combine(destination, dir.Relative));
        }
        foreach (var link in entries.Where(e => e.Stat.Type == EntryStat.TypeLink))
        {
            var path = Path.Combine(destination, link.Relative);
            var linkTarget = new FileInfo(link.FullPath).LinkTarget!;
            if (!fresh && new FileInfo(path) is { LinkTarget: { } existing } && existing == linkTarget)
            {
                continue;
            }
            if (!fresh)
            {
                File.Delete(path);
            }
            File.CreateSymbolicLink(path, linkTarget);
        }

        var copied = 0;
        var skipped = 0;
        long bytes = 0;
        // Biggest first: the largest file starts at once on one job while the others drain the small ones.
        var files = entries.Where(e => e.Stat.Type == EntryStat.TypeFile).OrderByDescending(f => f.Stat.Size).ToList();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = ct }, (file, _) =>
        {
            var target = Path.Combine(destination, file.Relative);
            if (!fresh && safeHorizon is { } horizon && IsUnchanged(target, file.Stat, horizon))
            {
                Interlocked.Increment(ref skipped);
                return ValueTask.CompletedTask;
            }
            CopyFile(file.FullPath, target, file.Stat, onBytes);
            Interlocked.Increment(ref copied);
            Interlocked.Add(ref bytes, file.Stat.Size);
            return ValueTask.CompletedTask;
        });

        // Directory modes and mtimes last, deepest first: creating children changes a directory's mtime.
        foreach (var dir in entries.Where(e => e.Stat.Type == EntryStat.TypeDirectory).OrderByDescending(e => e.Relative.Length))
        {
            SetModeAndMtime(Path.Combine(destination, dir.Relative), dir.Stat);
        }
        SetModeAndMtime(destination, rootStat);
        return new MirrorStats(copied, skipped, bytes);
    }

    private static void Walk(string dir, string prefix, Func<string, bool> exclude, List<Entry> into)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }))
        {
            var relative = prefix + Path.GetFileName(path);
            if (exclude(relative))
            {
                continue;
            }
            var stat = StatOf(path);
            into.Add(new Entry(relative, path, stat));
            if (stat.Type == EntryStat.TypeDirectory)
            {
                Walk(path, relative + "/", exclude, into);
            }
        }
    }

    /// <summary>Deletes what the source does not have, or has with another type; never follows links.</summary>
    private static void Prune(string dir, string prefix, Dictionary<string, int> wanted)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(dir, "*", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            var relative = prefix + Path.GetFileName(path);
            var type = StatOf(path).Type;
            if (wanted.TryGetValue(relative, out var wantedType) && wantedType == type)
            {
                if (type == EntryStat.TypeDirectory)
                {
                    Prune(path, relative + "/", wanted);
                }
                continue;
            }
            if (type == EntryStat.TypeDirectory)
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
    }

    private static bool IsUnchanged(string target, EntryStat source, DateTimeOffset horizon)
    {
        if (!File.Exists(target))
        {
            return false;
        }
        var existing = StatOf(target);
        return existing.Type == EntryStat.TypeFile && existing.Size == source.Size
            && existing.MtimeSeconds == source.MtimeSeconds && existing.MtimeNanoseconds / 100 == source.MtimeNanoseconds / 100
            && source.MtimeSeconds < horizon.ToUnixTimeSeconds();
    }

    private static EntryStat StatOf(string path) => KernelCopy.Supported ? KernelCopy.Stat(path) : PortableStat(path);

    private static void CopyFile(string source, string target, EntryStat stat, Action<long>? onBytes)
    {
        if (KernelCopy.Supported)
        {
            KernelCopy.CopyFile(source, target, stat, onBytes);
            return;
        }
        File.Copy(source, target, overwrite: true);
        FileModes.Set(target, stat.Mode);
        File.SetLastWriteTimeUtc(target, ToDateTime(stat));
        onBytes?.Invoke(stat.Size);
    }

    private static void SetModeAndMtime(string path, EntryStat stat)
    {
        FileModes.Set(path, stat.Mode);
        if (KernelCopy.Supported)
        {
            KernelCopy.SetMtime(path, stat);
        }
        else
        {
            Directory.SetLastWriteTimeUtc(path, ToDateTime(stat));
        }
    }

    /// <summary>The same facts from .NET's portable API (macOS, Windows): mtimes at 100 ns precision.</summary>
    private static EntryStat PortableStat(string path)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        var type = info.LinkTarget is not null ? EntryStat.TypeLink : info is DirectoryInfo ? EntryStat.TypeDirectory : EntryStat.TypeFile;
        var ticks = (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks;
        return new EntryStat(
            OperatingSystem.IsWindows() ? FileModes.Mode0600 : info.UnixFileMode,
            info is FileInfo f && type == EntryStat.TypeFile ? f.Length : 0,
            ticks / TimeSpan.TicksPerSecond,
            (uint)(ticks % TimeSpan.TicksPerSecond * 100),
            type);
    }

    private static DateTime ToDateTime(EntryStat stat) =>
        DateTime.UnixEpoch.AddTicks((stat.MtimeSeconds * TimeSpan.TicksPerSecond) + (stat.MtimeNanoseconds / 100));
}
