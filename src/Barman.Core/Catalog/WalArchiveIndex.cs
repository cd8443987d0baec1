// xlog.db read once per command (through XlogDb) and sorted by name, with the per-backup WAL statistics.
using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
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
/// The archived WAL files of a server, sorted by name, read from <c>wals/xlog.db</c> once. Lines are split and ordered
/// at load but parsed only when a walk reaches them: show-backup looks at a handful of the tens of thousands of lines.
/// Lines that do not parse are skipped (rebuild-xlogdb repairs them).
/// </summary>
public sealed class WalArchiveIndex
{
    private static readonly SearchValues<char> UpperHex = SearchValues.Create("0123456789ABCDEF");

    private readonly byte[] _data;
    private readonly (int Start, int Length, int NameLength)[] _lines; // in name order
    private readonly XlogDbEntry?[] _parsed;
    private readonly bool[] _isParsed;
    private ImmutableArray<XlogDbEntry> _entries;

    private WalArchiveIndex(byte[] data, (int Start, int Length, int NameLength)[] lines)
    {
        _data = data;
        _lines = lines;
        _parsed = new XlogDbEntry?[lines.Length];
        _isParsed = new bool[lines.Length];
    }

    /// <summary>Every well-formed entry, in name order (parses the whole file on first use).</summary>
    public ImmutableArray<XlogDbEntry> Entries
    {
        get
        {
            if (_entries.IsDefault)
            {
                var all = ImmutableArray.CreateBuilder<XlogDbEntry>(_lines.Length);
                for (var i = 0; i < _lines.Length; i++)
                {
                    if (At(i) is { } e)
                    {
                        all.Add(e);
                    }
                }
                _entries = all.ToImmutable();
            }
            return _entries;
        }
    }

    /// <summary>Reads <c>&lt;wals_directory&gt;/xlog.db</c>; a missing file is an empty archive.</summary>
    public static WalArchiveIndex Load(ServerConfig server) => Load(XlogDb.PathFor(server));

    public static WalArchiveIndex Load(string xlogDbPath) => Of(XlogDb.ReadBytes(xlogDbPath));

    /// <summary>An index over given entries (tests, rebuilt catalogs), in the order xlog.db would hold them.</summary>
    public static WalArchiveIndex From(IEnumerable<XlogDbEntry> entries) =>
        Of(System.Text.Encoding.UTF8.GetBytes(string.Concat(entries.Select(e => e.Format()))));

    /// <summary>
    /// Takes the complete lines of xlog.db (<see cref="XlogDb.CompleteLines"/>) and orders them by name; barman keeps the
    /// file sorted, so usually nothing moves. The sort is stable: duplicate names keep their file order.
    /// </summary>
    private static WalArchiveIndex Of(byte[] data)
    {
        var complete = XlogDb.CompleteLines(data);
        var array = new (int Start, int Length, int NameLength)[complete.Count];
        var sorted = true;
        for (var i = 0; i < array.Length; i++)
        {
            var (start, length) = complete[i];
            var tab = data.AsSpan(start, length).IndexOf((byte)'\t');
            array[i] = (start, length, tab < 0 ? length : tab);
            sorted = sorted && (i == 0 || CompareNames(data, array[i - 1], array[i]) <= 0);
        }
        if (!sorted)
        {
            var order = Enumerable.Range(0, array.Length).ToArray();
            Array.Sort(order, (a, b) => CompareNames(data, array[a], array[b]) is var c && c != 0 ? c : a.CompareTo(b));
            array = [.. order.Select(i => array[i])];
        }
        return new WalArchiveIndex(data, array);
    }

    private static int CompareNames(byte[] data, (int Start, int Length, int NameLength) a, (int Start, int Length, int NameLength) b) =>
        data.AsSpan(a.Start, a.NameLength).SequenceCompareTo(data.AsSpan(b.Start, b.NameLength));

    /// <summary>The entry of line <paramref name="i"/> (name order), or null when that line is malformed.</summary>
    private XlogDbEntry? At(int i)
    {
        if (!_isParsed[i])
        {
            var (start, length, _) = _lines[i];
            _parsed[i] = XlogDb.ParseLine(_data.AsSpan(start, length));
            _isParsed[i] = true;
        }
        return _parsed[i];
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
        for (var i = includeHistory ? 0 : LowerBound(begin); i < _lines.Length; i++)
        {
            if (At(i) is not { } e)
            {
                continue;
            }
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

    /// <summary>The first line whose name is not below <paramref name="name"/> (names are ASCII: bytes compare as chars).</summary>
    private int LowerBound(string name)
    {
        Span<byte> key = stackalloc byte[System.Text.Encoding.UTF8.GetMaxByteCount(name.Length)];
        key = key[..System.Text.Encoding.UTF8.GetBytes(name, key)];
        int lo = 0, hi = _lines.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var (start, _, nameLength) = _lines[mid];
            if (_data.AsSpan(start, nameLength).SequenceCompareTo(key) < 0)
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
