// Parses --target-time like barman (dateutil): ISO, naive or free-form text; naive times are local time.
using System.Globalization;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>Turns the operator's target time into an aware timestamp; the text itself is written unchanged.</summary>
public static class TargetTimeParser
{
    // Compact forms dateutil accepts that .NET's general parser does not.
    private static readonly string[] CompactFormats = ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmmssK", "yyyyMMddHHmmss", "yyyyMMdd"];

    /// <summary>Parses <paramref name="text"/>; a time without offset is taken in <paramref name="localZone"/>.</summary>
    public static DateTimeOffset Parse(string text, TimeZoneInfo localZone)
    {
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var value)
            && !DateTime.TryParseExact(text.Trim(), CompactFormats, CultureInfo.InvariantCulture, styles, out value))
        {
            throw new RecoveryException($"Unable to parse the target time parameter '{text}': Unknown string format: {text}");
        }
        if (value.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(value, localZone.GetUtcOffset(value));
        }
        // An explicit offset: keep it as written (DateTime converted it to local or UTC).
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var aware)
            ? aware
            : new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero);
    }
}
