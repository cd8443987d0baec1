// xlog.db read once per command (through XlogDb) and sorted by name, with the per-backup WAL statistics.
using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Barman.Core.Configuration;
using Barman.Core.Wal;

namespace Barman.Core.Catalog;

/// <summary>WAL statistics of one backup, as barman's get_wal_info computes them.</summary>
public sealed record BackupWalInfo(
    int WalNum,
    long WalSize,
    int UntilNextNum,
    long UntilNextSize,
    string? First,
    string? Last,
    double WalsPerSecond,
    double WalCompressionRatio,
    double UntilNextCompressionRatio)
{
    public static readonly BackupWalInfo Empty = new(0, 0, 0, 0, null, null, 0, 0, 0);

    /// <summary>Timelines forked from the backup's timeline after its end (show-backup only; see TimelineHistory).</summary>
    public ImmutableArray<uint> ChildTimelines { get; init; } = [];
}

/// <summary>
/// The archived WAL files of a server, sorted by name, read from <c>wals/xlog.db</c> once. Lines that do not parse
/// are skipped (rebuild-xlogdb repairs them).
/// </summary>
public sealed class WalArchiveIndex
{
    private static readonly SearchValues<char> UpperHex = SearchValues.Create("0123456789ABCDEF");

    private readonly ImmutableArray<XlogDbEntry> _entries;

    private WalArchiveIndex(ImmutableArray<XlogDbEntry> entries) => _entries = entries;

    public ImmutableArray<XlogDbEntry> Entries => _entries;

    /// <summary>Reads <c>&lt;wals_directory&gt;/xlog.db</c>; a missing file is an empty archive.</summary>
    public static WalArchiveIndex Load(ServerConfig server) => From(XlogDb.ReadAll(server));

    public static WalArchiveIndex Load(string xlogDbPath) => From(XlogDb.ReadAll(xlogDbPath));

    /// <summary>The entries sorted by name (barman keeps xlog.db sorted, so usually nothing moves).</summary>
    public static WalArchiveIndex From(IEnumerable<XlogDbEntry> entries)
    {
        var array = entries.ToArray();
        for (var i = 1; i < array.Length; i++)
        {
            if (string.CompareOrdinal(array[i - 1].Name, array[i].Name) > 0)
            {
                // stable, as OrderBy was: duplicate names keep their file order
                return new([.. array.OrderBy(e => e.Name, StringComparer.Ordinal)]);
            }
        }
        return new(ImmutableCollectionsMarshal.AsImmutableArray(array));
    }

    /// <summary>
    /// WAL segments from the backup's begin_wal up to the next backup's end_wal (or the newest), skipping history,
    /// .backup and .partial files and later timelines, exactly as barman's get_wal_until_next_backup walks xlog.db.
    /// </summary>
    /// <param name="includeHistory">Also yield .history files met before the walk stops (list-files wal/full).</param>
    public IEnumerable<XlogDbEntry> UntilNextBackup(BackupInfo backup, BackupInfo? next, bool includeHistory = false)
    {
        if (backup.BeginWal is not { } begin || Classify(begin) is not ({ } _, var beginTimeline))
        {
            yield break;
        }
        var nextEnd = next?.EndWal;
        // History files can sort anywhere, so with them the walk starts at the top of xlog.db.
        for (var i = includeHistory ? 0 : LowerBound(begin); i < _entries.Length; i++)
        {
            var e = _entries[i];
            var (kind, timeline) = Classify(e.Name);
            if (kind is null)
            {
                continue;
            }
            if (kind == WalFileKind.History)
            {
                if (includeHistory)
                {
                    yield return e;
                }
                continue;
            }
            if (string.CompareOrdinal(e.Name, begin) < 0 || kind != WalFileKind.Segment || timeline > beginTimeline)
            {
                continue;
            }
            if (nextEnd is not null && string.CompareOrdinal(e.Name, nextEnd) > 0)
            {
                yield break;
            }
            yield return e;
        }
    }

    /// <summary>barman's get_wal_info: sizes and counts inside the backup and until the next one, rate and ratios.</summary>
    public BackupWalInfo InfoFor(BackupInfo backup, BackupInfo? next)
    {
        if (backup.EndWal is not { } end)
        {
            return BackupWalInfo.Empty;
        }
        int num = 0, untilNum = 0;
        long size = 0, untilSize = 0;
        string? first = null, last = null;
        double firstTime = 0, lastTime = 0;
        foreach (var e in UntilNextBackup(backup, next))
        {
            if (e.Name == backup.BeginWal)
            {
                first = e.Name;
                firstTime = e.Time;
            }
            if (string.CompareOrdinal(e.Name, end) <= 0)
            {
                num++;
                size += e.Size;
            }
            else
            {
                untilNum++;
                untilSize += e.Size;
            }
            last = e.Name;
            lastTime = e.Time;
        }
        double perSecond = 0, ratio = 0, untilRatio = 0;
        if (first is not null && last is not null)
        {
            var seconds = lastTime - firstTime;
            if (seconds > 0)
            {
                perSecond = (num + untilNum) / seconds;
            }
            double segment = backup.XlogSegmentSize ?? WalSegmentName.DefaultSegmentSize;
            ratio = num == 0 ? 0.0 : 1 - (size / (num * segment));
            untilRatio = untilNum == 0 ? 0.0 : 1 - (untilSize / (untilNum * segment));
        }
        return new BackupWalInfo(num, size, untilNum, untilSize, first, last, perSecond, ratio, untilRatio);
    }

    /// <summary>
    /// The kind and timeline of an archived name (null kind: not a WAL name), by position rather than through
    /// WalSegmentName's regex, which dominated the walk over tens of thousands of lines. Same grammar: 24 hex digits,
    /// optionally followed by <c>.partial</c> or <c>.XXXXXXXX.backup</c>; or 8 hex digits and <c>.history</c>.
    /// </summary>
    internal static (WalFileKind? Kind, uint Timeline) Classify(string name)
    {
        var s = name.AsSpan();
        if (s.Length == 16 && IsHex(s[..8]) && s[8..] is ".history")
        {
            return (WalFileKind.History, Timeline(s));
        }
        if (s.Length < 24 || !IsHex(s[..24]))
        {
            return (null, 0);
        }
        var suffix = s[24..];
        WalFileKind? kind = suffix.Length switch
        {
            0 => WalFileKind.Segment,
            _ when suffix is ".partial" => WalFileKind.Partial,
            16 when suffix[0] == '.' && IsHex(suffix.Slice(1, 8)) && suffix[9..] is ".backup" => WalFileKind.BackupLabel,
            _ => null,
        };
        return kind is null ? (null, 0) : (kind, Timeline(s));
    }

    private static bool IsHex(ReadOnlySpan<char> s) => !s.ContainsAnyExcept(UpperHex);

    private static uint Timeline(ReadOnlySpan<char> name) => uint.Parse(name[..8], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private int LowerBound(string name)
    {
        int lo = 0, hi = _entries.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(_entries[mid].Name, name) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
