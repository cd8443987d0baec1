// Sizes, durations and dates written exactly as barman writes them.
using System.Globalization;

namespace Barman.Core.Formatting;

/// <summary>Barman's human-readable formats.</summary>
public static class HumanFormat
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"];

    /// <summary>
    /// <c>0 B</c>, <c>-96 B</c>, <c>32.2 KiB</c>, <c>22.1 MiB</c>: bytes below 1024 as a whole number,
    /// otherwise one decimal in binary units.
    /// </summary>
    public static string Size(double bytes)
    {
        if (Math.Abs(bytes) < 1024)
        {
            return ((long)bytes).ToString(CultureInfo.InvariantCulture) + " B";
        }
        var value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return OneDecimal(value) + " " + Units[unit];
    }

    /// <summary>Python's "%.1f": the exact binary value rounded half to even (1.25 → "1.2", 1.15 → "1.1").</summary>
    private static string OneDecimal(double value)
    {
        // "F60" gives the exact decimal expansion of any double whose magnitude is at least 1e-10.
        var exact = Math.Abs(value).ToString("F60", CultureInfo.InvariantCulture);
        var dot = exact.IndexOf('.', StringComparison.Ordinal);
        var kept = decimal.Parse(exact[..(dot + 2)], CultureInfo.InvariantCulture);
        var rest = exact[(dot + 2)..];
        var roundUp = rest[0] > '5' || (rest[0] == '5' && (rest[1..].Any(c => c != '0') || (exact[dot + 1] - '0') % 2 == 1));
        if (roundUp)
        {
            kept += 0.1m;
        }
        var text = kept.ToString("0.0", CultureInfo.InvariantCulture);
        return value < 0 ? "-" + text : text;
    }

    /// <summary><c>less than one second</c>, <c>1 second</c>, <c>2 minutes, 3 seconds</c>, as barman's human_readable_timedelta.</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        void Add(long n, string unit)
        {
            if (n > 0)
            {
                parts.Add(n.ToString(CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? string.Empty : "s"));
            }
        }
        var abs = span.Duration();
        Add(abs.Days, "day");
        Add(abs.Hours, "hour");
        Add(abs.Minutes, "minute");
        Add(abs.Seconds, "second");
        if (parts.Count == 0)
        {
            return "less than one second";
        }
        var text = string.Join(", ", parts);
        return span < TimeSpan.Zero ? text + " ago" : text;
    }

    /// <summary>Python's <c>ctime()</c>: <c>Wed Nov  4 23:00:02 2026</c> (day padded with a space).</summary>
    public static string CTime(DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{local:ddd MMM} {local.Day,2} {local:HH:mm:ss yyyy}");

    /// <summary>Python's <c>isoformat(' ')</c> of an aware datetime: <c>2026-11-24 23:01:06.686504+00:00</c>.</summary>
    public static string IsoWithOffset(DateTimeOffset value)
    {
        var fraction = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var main = value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var micro = fraction == 0 ? string.Empty : "." + fraction.ToString("D6", CultureInfo.InvariantCulture);
        return main + micro + value.ToString("zzz", CultureInfo.InvariantCulture);
    }
}
