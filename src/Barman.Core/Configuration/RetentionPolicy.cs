// The retention_policy value: REDUNDANCY N or RECOVERY WINDOW OF N DAYS|WEEKS|MONTHS.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Barman.Core.Configuration;

/// <summary>The unit of a recovery window.</summary>
public enum WindowUnit
{
    Days,
    Weeks,
    Months,
}

/// <summary>A parsed retention policy.</summary>
public abstract partial record RetentionPolicy
{
    /// <summary>Keep the newest N backups.</summary>
    public sealed record Redundancy(int Count) : RetentionPolicy
    {
        public override string ToString() => $"REDUNDANCY {Count.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>Keep what is needed to recover to any point in the last N units.</summary>
    public sealed record RecoveryWindow(int Count, WindowUnit Unit) : RetentionPolicy
    {
        public override string ToString() =>
            $"RECOVERY WINDOW OF {Count.ToString(CultureInfo.InvariantCulture)} {Unit.ToString().ToUpperInvariant()}";

        /// <summary>The oldest point in time the window must reach, seen from <paramref name="now"/> (barman: a month is 31 days).</summary>
        public DateTimeOffset PointOfRecoverability(DateTimeOffset now) => Unit switch
        {
            WindowUnit.Days => now.AddDays(-Count),
            WindowUnit.Weeks => now.AddDays(-7 * Count),
            _ => now.AddDays(-31 * Count),
        };
    }

    /// <summary>Parses barman's syntax (case-insensitive, singular or plural units, 0 allowed); null when it does not match.</summary>
    public static RetentionPolicy? TryParse(string text)
    {
        var m = RedundancyPattern().Match(text);
        if (m.Success)
        {
            return int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? new Redundancy(n)
                : null;
        }
        m = WindowPattern().Match(text);
        if (!m.Success || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }
        var unit = char.ToUpperInvariant(m.Groups[2].Value[0]) switch
        {
            'D' => WindowUnit.Days,
            'W' => WindowUnit.Weeks,
            _ => WindowUnit.Months,
        };
        return new RecoveryWindow(count, unit);
    }

    [GeneratedRegex(@"^\s*REDUNDANCY\s+(\d+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RedundancyPattern();

    [GeneratedRegex(@"^\s*RECOVERY\s+WINDOW\s+OF\s+(\d+)\s+(DAYS?|WEEKS?|MONTHS?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();
}
