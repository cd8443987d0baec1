// A server's backups: every base/*/backup.info read once, selectors (latest, oldest, id, name...) resolved against them.
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Storage;

namespace Barman.Core.Catalog;

/// <summary>
/// The backups of one server, sorted by id (oldest first). Loaded once per command; a backup.info that cannot be
/// read or parsed is skipped with a one-line warning naming the file, so the other backups are still listed.
/// </summary>
public sealed class BackupCatalog
{
    /// <summary>Statuses barman treats as "copy done": the default filter for latest/oldest/previous/next/names.</summary>
    public static readonly IReadOnlySet<string> CopyDone = new HashSet<string>(StringComparer.Ordinal) { BackupInfo.StatusWaitingForWals, BackupInfo.StatusDone };

    private readonly Dictionary<string, string?> _keep = new(StringComparer.Ordinal);

    private BackupCatalog(ServerConfig server, ImmutableArray<BackupInfo> backups, ImmutableArray<string> warnings)
    {
        Server = server;
        Backups = backups;
        Warnings = warnings;
    }

    public ServerConfig Server { get; }

    /// <summary>Every readable backup, oldest first (ids sort chronologically).</summary>
    public ImmutableArray<BackupInfo> Backups { get; }

    /// <summary>One line per backup.info that could not be read.</summary>
    public ImmutableArray<string> Warnings { get; }

    public string BaseDirectory => Server.BaseBackupsDirectory;

    /// <summary>
    /// Reads every <c>base/*/backup.info</c> of the server. Keep annotations are read when asked for, or here with
    /// the backups when <paramref name="keepAnnotations"/> says every DONE backup's will be (list-backup): on the
    /// reading threads, relative to base/.
    /// </summary>
    public static BackupCatalog Load(ServerConfig server, bool keepAnnotations = false)
    {
        var (backups, warnings, keep) = Read(server.BaseBackupsDirectory, keepAnnotations);
        var catalog = new BackupCatalog(server, backups, warnings);
        foreach (var (id, target) in keep)
        {
            catalog._keep[id] = target;
        }
        return catalog;
    }

    /// <summary>The readable backups under a base/ directory (oldest first) and one warning per unreadable backup.info.</summary>
    internal static (ImmutableArray<BackupInfo> Backups, ImmutableArray<string> Warnings) ReadBackups(string baseDir)
    {
        var (backups, warnings, _) = Read(baseDir, keepAnnotations: false);
        return (backups, warnings);
    }

    private static (ImmutableArray<BackupInfo> Backups, ImmutableArray<string> Warnings, List<(string Id, string? Keep)> Keep) Read(
        string baseDir, bool keepAnnotations)
    {
        using var handle = SmallFile.TryOpenDirectory(baseDir);
        var dirs = handle is null ? [] : Directory.GetDirectories(baseDir);
        var read = new Entry[dirs.Length];
        // Reading thousands of small files is mostly system-call latency: two threads halve the wall time.
        if (dirs.Length >= ParallelThreshold && Environment.ProcessorCount > 1)
        {
            var half = dirs.Length / 2;
            ExceptionDispatchInfo? failure = null;
            var other = new Thread(() =>
            {
                try
                {
                    ReadRange(handle!, dirs, read, half, dirs.Length, keepAnnotations);
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e); // rethrown on the caller's thread, as without the split
                }
            })
            { IsBackground = true };
            other.Start();
            ReadRange(handle!, dirs, read, 0, half, keepAnnotations);
            other.Join();
            failure?.Throw();
        }
        else
        {
            ReadRange(handle!, dirs, read, 0, dirs.Length, keepAnnotations);
        }
        var backups = ImmutableArray.CreateBuilder<BackupInfo>(dirs.Length);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var keep = new List<(string Id, string? Keep)>();
        foreach (var entry in read)
        {
            if (entry.Info is { } info)
            {
                backups.Add(info);
                if (keepAnnotations && info.Status == BackupInfo.StatusDone)
                {
                    keep.Add((info.BackupId, entry.Keep));
                }
            }
            if (entry.Warning is { } warning)
            {
                warnings.Add(warning);
            }
        }
        backups.Sort((a, b) => string.CompareOrdinal(a.BackupId, b.BackupId));
        return (backups.ToImmutable(), warnings.ToImmutable(), keep);
    }

    private const int ParallelThreshold = 200;

    private readonly record struct Entry(BackupInfo? Info, string? Warning, string? Keep = null);

    private static void ReadRange(SmallFile.Directory baseDir, string[] dirs, Entry[] read, int from, int to, bool keepAnnotations)
    {
        for (var i = from; i < to; i++)
        {
            var id = Path.GetFileName(dirs[i]);
            try
            {
                // No File.Exists first: one stat per backup is measurable at thousands of backups.
                if (BackupInfo.TryLoad(baseDir, id) is { } info)
                {
                    var keep = keepAnnotations && info.Status == BackupInfo.StatusDone ? KeepAnnotation.Read(baseDir, id) : null;
                    read[i] = new Entry(info, null, keep);
                }
                // else: a directory without backup.info is not a backup
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidCastException)
            {
                read[i] = new Entry(null, $"Skipping unreadable backup.info '{Path.Combine(dirs[i], "backup.info")}': {e.Message.ReplaceLineEndings(" ")}");
            }
        }
    }

    /// <summary>A catalog over given records (tests, generated catalogs).</summary>
    public static BackupCatalog From(ServerConfig server, IEnumerable<BackupInfo> backups) =>
        new(server, [.. backups.OrderBy(b => b.BackupId, StringComparer.Ordinal)], []);

    /// <summary>The directory of a backup under base/.</summary>
    public string DirectoryOf(string backupId) => Path.Combine(BaseDirectory, backupId);

    /// <summary>Backups with one of the given statuses, oldest first.</summary>
    public IEnumerable<BackupInfo> WithStatus(IReadOnlySet<string> statuses) => Backups.Where(b => statuses.Contains(b.Status));

    /// <summary>The backup with this exact id, or null.</summary>
    public BackupInfo? Find(string backupId)
    {
        foreach (var b in Backups)
        {
            if (b.BackupId == backupId)
            {
                return b;
            }
        }
        return null;
    }

    /// <summary>"full", "standalone" or null (read once per backup).</summary>
    public string? KeepTarget(string backupId)
    {
        if (!_keep.TryGetValue(backupId, out var target))
        {
            target = KeepAnnotation.Read(DirectoryOf(backupId));
            _keep[backupId] = target;
        }
        return target;
    }

    /// <summary>The nearest older backup among <paramref name="statuses"/> (default: copy done), or null.</summary>
    public BackupInfo? Previous(string backupId, IReadOnlySet<string>? statuses = null) =>
        WithStatus(statuses ?? CopyDone).LastOrDefault(b => string.CompareOrdinal(b.BackupId, backupId) < 0);

    /// <summary>The nearest newer backup among <paramref name="statuses"/> (default: copy done), or null.</summary>
    public BackupInfo? Next(string backupId, IReadOnlySet<string>? statuses = null) =>
        WithStatus(statuses ?? CopyDone).FirstOrDefault(b => string.CompareOrdinal(b.BackupId, backupId) > 0);

    /// <summary>
    /// Resolves a selector as barman's parse_backup_id: latest/last, oldest/first, last-failed (barman tests it with
    /// a substring match, kept for compatibility), a backup id, or a backup name (ambiguous names are an error).
    /// The result is always a backup read from base/, so a selector can never name a path outside it.
    /// </summary>
    public BackupInfo Resolve(string selector)
    {
        BackupInfo? found;
        if (selector is "latest" or "last")
        {
            found = WithStatus(CopyDone).LastOrDefault();
        }
        else if (selector is "oldest" or "first")
        {
            found = WithStatus(CopyDone).FirstOrDefault();
        }
        else if ("last-failed".Contains(selector, StringComparison.Ordinal))
        {
            found = Backups.LastOrDefault(b => b.Status == BackupInfo.StatusFailed);
        }
        else if (BackupId.IsBackupId(selector))
        {
            found = Find(selector);
        }
        else
        {
            var matches = WithStatus(CopyDone).Where(b => b.BackupName == selector).ToList();
            if (matches.Count > 1)
            {
                throw new BarmanException(
                    $"Multiple backups found matching name '{selector}' (try using backup ID instead): {string.Join(' ', matches.Select(m => m.BackupId))}");
            }
            found = matches.FirstOrDefault();
        }
        return found ?? throw new BarmanException($"Unknown backup '{selector}' for server '{Server.Name}'");
    }
}
