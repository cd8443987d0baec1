// WAL file names: 24 hex digits (timeline, log, segment) plus .partial/.backup/.history forms.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Barman.Core.Wal;

/// <summary>The kind of a file found in a WAL directory.</summary>
public enum WalFileKind
{
    Segment,
    Partial,
    BackupLabel,
    History,
}

/// <summary>A parsed WAL file name such as <c>000000010000000000000012</c> or <c>00000002.history</c>.</summary>
public readonly partial record struct WalSegmentName(uint Timeline, uint Log, uint Segment, WalFileKind Kind, string Name)
{
    public const long DefaultSegmentSize = 16L * 1024 * 1024;

    /// <summary>The segment part without suffix (24 hex digits); for history files the 8-digit timeline.</summary>
    public string BaseName => Kind == WalFileKind.History ? Name[..8] : Name[..24];

    /// <summary>The archive sub-directory barman uses: the first 16 hex digits (timeline + log).</summary>
    public string HashDirectory => Kind == WalFileKind.History ? string.Empty : Name[..16];

    /// <summary>Segments per "log" for a segment size (256 for 16 MiB).</summary>
    public static ulong SegmentsPerLog(long segmentSize) => 0x100000000UL / (ulong)segmentSize;

    /// <summary>Absolute segment number (log * segments-per-log + segment).</summary>
    public ulong SegmentNumber(long segmentSize = DefaultSegmentSize) => Log * SegmentsPerLog(segmentSize) + Segment;

    public static WalSegmentName FromSegmentNumber(uint timeline, ulong number, long segmentSize = DefaultSegmentSize)
    {
        var perLog = SegmentsPerLog(segmentSize);
        var log = (uint)(number / perLog);
        var seg = (uint)(number % perLog);
        return new WalSegmentName(timeline, log, seg, WalFileKind.Segment, Format(timeline, log, seg));
    }

    /// <summary>The next segment on the same timeline (wraps the segment into the next log).</summary>
    public WalSegmentName Next(long segmentSize = DefaultSegmentSize) => FromSegmentNumber(Timeline, SegmentNumber(segmentSize) + 1, segmentSize);

    public static string Format(uint timeline, uint log, uint segment) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeline:X8}{log:X8}{segment:X8}");

    public static bool TryParse(string? name, out WalSegmentName result)
    {
        result = default;
        if (name is null)
        {
            return false;
        }
        var m = Pattern().Match(name);
        if (!m.Success)
        {
            return false;
        }
        if (m.Groups["history"].Success)
        {
            result = new WalSegmentName(Hex(m.Groups["htli"].Value), 0, 0, WalFileKind.History, name);
            return true;
        }
        var kind = m.Groups["partial"].Success ? WalFileKind.Partial
            : m.Groups["backup"].Success ? WalFileKind.BackupLabel
            : WalFileKind.Segment;
        result = new WalSegmentName(Hex(m.Groups["tli"].Value), Hex(m.Groups["log"].Value), Hex(m.Groups["seg"].Value), kind, name);
        return true;
    }

    public static WalSegmentName Parse(string name) =>
        TryParse(name, out var r) ? r : throw new FormatException($"Invalid WAL file name '{name}'");

    /// <summary>True for anything barman accepts into the archive (segments, .backup, .history, .partial).</summary>
    public static bool IsWalFile(string name) => TryParse(name, out _);

    public override string ToString() => Name;

    private static uint Hex(string s) => uint.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?:(?<tli>[0-9A-F]{8})(?<log>[0-9A-F]{8})(?<seg>[0-9A-F]{8})(?:(?<partial>\.partial)|(?<backup>\.[0-9A-F]{8}\.backup))?|(?<history>(?<htli>[0-9A-F]{8})\.history))$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
