// The one table of backup.info keys: name, how the value is written and read back, default, hidden-if-null.
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Formatting;
using Barman.Core.Wal;

namespace Barman.Core.Catalog;

/// <summary>One backup.info key. <c>Get</c> returns the value text or null for <c>None</c>.</summary>
internal sealed record BackupInfoField(string Key, BackupInfoFieldKind Kind, Func<BackupInfo, string?> Get, bool HideIfNull = false);

/// <summary>How a value is typed in barman (drives parsing and Python repr in error messages).</summary>
internal enum BackupInfoFieldKind
{
    Text,
    Literal,
    Integer,
    Time,
}

/// <summary>
/// Every key barman 3.4 writes, declared once: <see cref="All"/> says how each is written, <see cref="Build"/> how
/// each is read. Defaults are the record's initial values (status EMPTY, 16 MiB segments).
/// </summary>
internal static class BackupInfoFields
{
    public static readonly IReadOnlyList<BackupInfoField> All =
    [
        new("backup_label", BackupInfoFieldKind.Literal, b => b.BackupLabelLiteral),
        new("backup_name", BackupInfoFieldKind.Text, b => b.BackupName, HideIfNull: true),
        new("begin_offset", BackupInfoFieldKind.Integer, b => Int(b.BeginOffset)),
        new("begin_time", BackupInfoFieldKind.Time, b => Iso(b.BeginTime)),
        new("begin_wal", BackupInfoFieldKind.Text, b => b.BeginWal),
        new("begin_xlog", BackupInfoFieldKind.Text, b => b.BeginXlog),
        new("compression", BackupInfoFieldKind.Text, b => b.Compression),
        new("config_file", BackupInfoFieldKind.Text, b => b.ConfigFile),
        new("copy_stats", BackupInfoFieldKind.Literal, b => b.CopyStatsLiteral),
        new("deduplicated_size", BackupInfoFieldKind.Integer, b => Int(b.DeduplicatedSize)),
        new("end_offset", BackupInfoFieldKind.Integer, b => Int(b.EndOffset)),
        new("end_time", BackupInfoFieldKind.Time, b => Iso(b.EndTime)),
        new("end_wal", BackupInfoFieldKind.Text, b => b.EndWal),
        new("end_xlog", BackupInfoFieldKind.Text, b => b.EndXlog),
        new("error", BackupInfoFieldKind.Text, b => b.Error),
        new("hba_file", BackupInfoFieldKind.Text, b => b.HbaFile),
        new("ident_file", BackupInfoFieldKind.Text, b => b.IdentFile),
        new("included_files", BackupInfoFieldKind.Literal, b => b.IncludedFilesLiteral),
        new("mode", BackupInfoFieldKind.Text, b => b.Mode),
        new("pgdata", BackupInfoFieldKind.Text, b => b.Pgdata),
        new("server_name", BackupInfoFieldKind.Text, b => b.ServerName),
        new("size", BackupInfoFieldKind.Integer, b => Int(b.Size)),
        new("snapshots_info", BackupInfoFieldKind.Literal, b => b.SnapshotsInfoLiteral, HideIfNull: true),
        new("status", BackupInfoFieldKind.Text, b => b.Status),
        new("systemid", BackupInfoFieldKind.Text, b => b.SystemId),
        new("tablespaces", BackupInfoFieldKind.Literal, b => b.TablespacesLiteral),
        new("timeline", BackupInfoFieldKind.Integer, b => Int(b.Timeline)),
        new("version", BackupInfoFieldKind.Integer, b => Int(b.Version)),
        new("xlog_segment_size", BackupInfoFieldKind.Integer, b => Int(b.XlogSegmentSize)),
    ];

    private static readonly Dictionary<string, int> Ordinals =
        All.Select((f, i) => KeyValuePair.Create(f.Key, i)).ToDictionary(StringComparer.Ordinal);

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> OrdinalsBySpan =
        Ordinals.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The position of a known key in <see cref="All"/>, or -1 for a key this version does not know.</summary>
    public static int OrdinalOf(ReadOnlySpan<char> key) => OrdinalsBySpan.TryGetValue(key, out var i) ? i : -1;

    /// <summary>
    /// The record from the text of one file and where each known key's value lies in it (length -1: key absent).
    /// One object is built per file: a copy per key made reading thousands of backups slow.
    /// </summary>
    public static BackupInfo Build(
        string backupId, ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> values, ImmutableSortedDictionary<string, string>? extra)
    {
        var v = new Values(text, values);
        return new BackupInfo
        {
            BackupId = backupId,
            BackupLabelLiteral = v.Literal("backup_label"),
            BackupName = v.Text("backup_name"),
            BeginOffset = v.Int64("begin_offset"),
            BeginTime = v.Time("begin_time"),
            BeginWal = v.Text("begin_wal"),
            BeginXlog = v.Text("begin_xlog"),
            Compression = v.Shared("compression"),
            ConfigFile = v.Shared("config_file"),
            CopyStatsLiteral = v.Literal("copy_stats"),
            DeduplicatedSize = v.Int64("deduplicated_size"),
            EndOffset = v.Int64("end_offset"),
            EndTime = v.Time("end_time"),
            EndWal = v.Text("end_wal"),
            EndXlog = v.Text("end_xlog"),
            Error = v.Text("error"),
            HbaFile = v.Shared("hba_file"),
            IdentFile = v.Shared("ident_file"),
            IncludedFilesLiteral = v.Literal("included_files"),
            Mode = v.Shared("mode"),
            Pgdata = v.Shared("pgdata"),
            ServerName = v.Shared("server_name"),
            Size = v.Int64("size"),
            SnapshotsInfoLiteral = v.Literal("snapshots_info"),
            Status = v.Shared("status") ?? BackupInfo.StatusEmpty,
            SystemId = v.Shared("systemid"),
            TablespacesLiteral = v.Literal("tablespaces"),
            Timeline = (int?)v.Int64("timeline", int.MinValue, int.MaxValue),
            Version = (int?)v.Int64("version", int.MinValue, int.MaxValue),
            XlogSegmentSize = v.IsAbsent("xlog_segment_size") ? WalSegmentName.DefaultSegmentSize : v.Int64("xlog_segment_size"),
            Extra = extra ?? ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal),
        };
    }

    // Values most backups of a server share (server name, paths, status...): one string each per thread, not one per backup.
    [ThreadStatic]
    private static Dictionary<string, string>? t_shared;

    private static string Share(ReadOnlySpan<char> value)
    {
        if (value.Length > 256)
        {
            return new string(value);
        }
        var pool = t_shared ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var shared))
        {
            return shared;
        }
        shared = new string(value);
        if (pool.Count < 1024)
        {
            pool[shared] = shared;
        }
        return shared;
    }

    private static string? Int(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Iso(DateTimeOffset? value) => value is { } t ? HumanFormat.IsoWithOffset(t) : null;

    /// <summary>Typed reads of the value texts; a bad value throws naming its key.</summary>
    private readonly ref struct Values
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly ReadOnlySpan<(int Start, int Length)> _ranges;

        public Values(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> ranges)
        {
            _text = text;
            _ranges = ranges;
        }

        public bool IsAbsent(string key) => _ranges[Ordinals[key]].Length < 0;

        public string? Text(string key) => TryGet(key, out var v) ? new string(v) : null;

        public string? Shared(string key) => TryGet(key, out var v) ? Share(v) : null;

        // Literal values are checked on read (so a corrupt file is reported) but kept as written.
        public string? Literal(string key)
        {
            var v = Text(key);
            if (v is not null && !PythonLiteral.IsValid(v, out var error))
            {
                throw Invalid(key, error);
            }
            return v;
        }

        public long? Int64(string key, long min = long.MinValue, long max = long.MaxValue)
        {
            if (!TryGet(key, out var v))
            {
                return null;
            }
            if (!long.TryParse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            {
                throw Invalid(key, $"'{v}' is not an integer");
            }
            return n;
        }

        public DateTimeOffset? Time(string key)
        {
            try
            {
                return TryGet(key, out var v) ? ParseTime(v) : null;
            }
            catch (FormatException e)
            {
                throw Invalid(key, e.Message);
            }
        }

        /// <summary>The value text, false when the key is absent or None.</summary>
        private bool TryGet(string key, out ReadOnlySpan<char> value)
        {
            var (start, length) = _ranges[Ordinals[key]];
            value = length < 0 ? default : _text.Slice(start, length);
            return length >= 0 && value is not "None";
        }

        private static FormatException Invalid(string key, string message) => new($"invalid value for '{key}': {message}");
    }

    private static readonly string[] AwareFormats =
        ["yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mm:sszzz"];

    private static readonly string[] NaiveFormats = ["yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Reads what <c>str(datetime)</c> wrote; a naive time is taken as local time, as barman does.</summary>
    internal static DateTimeOffset ParseTime(string text) => ParseTime(text.AsSpan());

    private static DateTimeOffset ParseTime(ReadOnlySpan<char> text)
    {
        if (TryParseAware(text, out var fast))
        {
            return fast;
        }
        if (DateTimeOffset.TryParseExact(text, AwareFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        if (DateTime.TryParseExact(text, NaiveFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
        }
        throw new FormatException($"'{text.ToString()}' is not a date and time");
    }

    /// <summary>
    /// The form barman writes (<c>2026-11-24 23:01:06.686504+00:00</c>, fraction optional) read by position: the
    /// format-table parse above costs more than everything else in reading a backup.info. Anything else returns false.
    /// </summary>
    private static bool TryParseAware(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 25 || s[4] != '-' || s[7] != '-' || s[10] is not (' ' or 'T') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }
        var pos = 19;
        long fraction = 0;
        if (s[pos] == '.')
        {
            var start = ++pos;
            while (pos < s.Length && char.IsAsciiDigit(s[pos]) && pos - start < 7)
            {
                fraction = (fraction * 10) + (s[pos++] - '0');
            }
            var digits = pos - start;
            if (digits is 0 or > 6)
            {
                return false;
            }
            for (var i = digits; i < 7; i++)
            {
                fraction *= 10; // ticks are 100 ns: seven digits
            }
        }
        if (s.Length - pos != 6 || s[pos] is not ('+' or '-') || s[pos + 3] != ':'
            || !Digits(s[..4], out var year) || !Digits(s[5..7], out var month) || !Digits(s[8..10], out var day)
            || !Digits(s[11..13], out var hour) || !Digits(s[14..16], out var minute) || !Digits(s[17..19], out var second)
            || !Digits(s.Slice(pos + 1, 2), out var offsetHours) || !Digits(s.Slice(pos + 4, 2), out var offsetMinutes))
        {
            return false;
        }
        var offset = new TimeSpan(offsetHours, offsetMinutes, 0);
        try
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, s[pos] == '-' ? -offset : offset).AddTicks(fraction);
            return true;
        }
        catch (ArgumentException)
        {
            return false; // out-of-range parts: the format-table parse reports them
        }
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
