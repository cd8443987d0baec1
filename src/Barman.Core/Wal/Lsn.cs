// A PostgreSQL log sequence number: "X/Y" text, 64-bit value, segment arithmetic.
using System.Globalization;

namespace Barman.Core.Wal;

/// <summary>A WAL position (<c>0/12042F90</c>).</summary>
public readonly record struct Lsn(ulong Value) : IComparable<Lsn>
{
    public static Lsn Parse(string text) =>
        TryParse(text, out var lsn) ? lsn : throw new FormatException($"Invalid LSN '{text}'");

    public static bool TryParse(string? text, out Lsn lsn)
    {
        lsn = default;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 2 } || parts[0].Length is 0 or > 8 || parts[1].Length is 0 or > 8
            || !uint.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hi)
            || !uint.TryParse(parts[1], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var lo))
        {
            return false;
        }
        lsn = new Lsn(((ulong)hi << 32) | lo);
        return true;
    }

    /// <summary>The segment holding this position.</summary>
    public WalSegmentName Segment(uint timeline, long segmentSize = WalSegmentName.DefaultSegmentSize) =>
        WalSegmentName.FromSegmentNumber(timeline, Value / (ulong)segmentSize, segmentSize);

    /// <summary>Offset inside its segment.</summary>
    public long SegmentOffset(long segmentSize = WalSegmentName.DefaultSegmentSize) => (long)(Value % (ulong)segmentSize);

    public int CompareTo(Lsn other) => Value.CompareTo(other.Value);

    public static bool operator <(Lsn a, Lsn b) => a.Value < b.Value;

    public static bool operator >(Lsn a, Lsn b) => a.Value > b.Value;

    public static bool operator <=(Lsn a, Lsn b) => a.Value <= b.Value;

    public static bool operator >=(Lsn a, Lsn b) => a.Value >= b.Value;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value >> 32:X}/{Value & 0xFFFFFFFF:X}");
}
