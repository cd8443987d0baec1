// A small read-only view of the on-disk catalog for check/status: backup facts, xlog.db (via the catalog readers), errors/, identity.json.
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Barman.Core.Catalog;
using Barman.Core.Configuration;

namespace Barman.Core.Checks;

/// <summary>The few backup.info fields the checks read (the full record belongs to the catalog code).</summary>
public sealed record BackupFacts(string Id, string Status, long Size, DateTimeOffset? EndTime, string? BeginWal, string? EndWal)
{
    public const string Done = "DONE";
    public const string Failed = "FAILED";
    public const string WaitingForWals = "WAITING_FOR_WALS";
}

/// <summary>
/// What the checks need from the catalog, read through the catalog's own readers (BackupCatalog, XlogDb).
/// Unreadable or missing files read as "nothing there".
/// </summary>
public sealed class CatalogFacts(ServerConfig server)
{
    private ImmutableArray<BackupFacts>? _backups;

    public string XlogDbPath => Path.Combine(server.WalsDirectory, "xlog.db");

    public string IdentityPath => Path.Combine(server.BackupDirectory, "identity.json");

    /// <summary>Every backup with a readable backup.info, ordered by id.</summary>
    public ImmutableArray<BackupFacts> Backups => _backups ??= LoadBackups();

    /// <summary>Backups with the given status, oldest first.</summary>
    public ImmutableArray<BackupFacts> WithStatus(string status) => [.. Backups.Where(b => b.Status == status)];

    /// <summary>The newest DONE backup (barman's default status filter), or null.</summary>
    public BackupFacts? LastDone => WithStatus(BackupFacts.Done).LastOrDefault();

    /// <summary>True when xlog.db exists and is not empty (barman's "WAL archive" check).</summary>
    public bool XlogDbHasContent => File.Exists(XlogDbPath) && new FileInfo(XlogDbPath).Length > 0;

    /// <summary>The xlog.db entries in file order; malformed lines are skipped.</summary>
    public IEnumerable<XlogDbEntry> XlogEntries() => XlogDb.ReadAll(XlogDbPath);

    /// <summary>
    /// For the newest backup: the archived size of WAL segments after its end_wal (barman's wal_until_next_size)
    /// and the time of the newest such segment; segments on later timelines and non-segment files are ignored.
    /// </summary>
    public (long SizeAfterEnd, double? LastTimestamp) WalAfterLastBackup(BackupFacts backup)
    {
        long size = 0;
        double? last = null;
        if (backup.BeginWal is not { Length: 24 } begin)
        {
            return (0, null);
        }
        var timeline = begin[..8];
        foreach (var entry in XlogEntries())
        {
            var name = entry.Name;
            if (name.Length != 24 || !name.All(char.IsAsciiHexDigit)
                || string.CompareOrdinal(name, begin) < 0 || string.CompareOrdinal(name[..8], timeline) > 0)
            {
                continue;
            }
            if (backup.EndWal is null || string.CompareOrdinal(name, backup.EndWal) > 0)
            {
                size += entry.Size;
            }
            last = entry.Time;
        }
        return (size, last);
    }

    /// <summary>File names in errors/ (archiver errors).</summary>
    public ImmutableArray<string> ErrorFiles() => Directory.Exists(server.ErrorsDirectory)
        ? [.. Directory.EnumerateFileSystemEntries(server.ErrorsDirectory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The systemid stored in identity.json, or null when there is no readable file.</summary>
    public string? StoredSystemId()
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(IdentityPath));
            return doc.RootElement.TryGetProperty("systemid", out var id) ? id.ToString() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private ImmutableArray<BackupFacts> LoadBackups() =>
    [
        .. BackupCatalog.Load(server).Backups.Select(b => new BackupFacts(b.BackupId, b.Status, b.Size ?? 0, b.EndTime, b.BeginWal, b.EndWal)),
    ];

    /// <summary>Raw key/value pairs of backup.info (diagnose prints them as written).</summary>
    internal static Dictionary<string, string> ParseInfo(IEnumerable<string> lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                values[line[..eq]] = line[(eq + 1)..];
            }
        }
        return values;
    }

    private static string? NoneToNull(string? v) => v is null or "None" ? null : v;

    /// <summary>diagnose's reading of backup.info times: <c>2026-11-24 23:00:52.123456+00:00</c> (microseconds optional).</summary>
    internal static DateTimeOffset? ParseTime(string? text) =>
        NoneToNull(text) is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
}
