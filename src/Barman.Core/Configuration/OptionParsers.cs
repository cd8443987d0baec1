// Validates an option's text by its kind; the error text is what barman's warning quotes.
using System.Globalization;
using System.Text.RegularExpressions;

namespace Barman.Core.Configuration;

/// <summary>Checks raw option values against their <see cref="OptionKind"/>.</summary>
public static partial class OptionParsers
{
    /// <summary>Null when <paramref name="value"/> is valid for <paramref name="spec"/>, else the reason.</summary>
    public static string? Validate(OptionSpec spec, string value) => spec.Kind switch
    {
        OptionKind.Bool => TryParseBool(value, out _) ? null : $"Invalid boolean value '{value}'",
        OptionKind.Int => int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? null
            : $"invalid literal for int() with base 10: '{value}'",
        OptionKind.Choice => spec.Choices.Contains(value.Trim().ToLowerInvariant(), StringComparer.OrdinalIgnoreCase)
            ? null
            : $"Invalid value (must be one in: {spec.ChoicesText})",
        OptionKind.Size => TryParseSize(value, out _) ? null : $"Invalid size value '{value}'",
        OptionKind.Age => TryParseAge(value, out _) ? null : $"Invalid age value '{value}'",
        OptionKind.BackupOptions => value.Split(',').All(v => v.Trim() is "concurrent_backup" or "exclusive_backup" or "external_configuration")
            ? null
            : $"Invalid backup option value '{value}'",
        OptionKind.RecoveryOptions => value.Split(',').All(v => v.Trim() is "get-wal" or "")
            ? null
            : $"Invalid recovery option value '{value}'",
        _ => null,
    };

    /// <summary>Python barman's boolean words, any case.</summary>
    public static bool TryParseBool(string value, out bool result)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true" or "t" or "yes" or "y" or "on" or "1":
                result = true;
                return true;
            case "false" or "f" or "no" or "n" or "off" or "0":
                result = false;
                return true;
            default:
                result = false;
                return false;
        }
    }

    /// <summary>Sizes as barman accepts them: a byte count, or a number with k/Ki/M/Mi/G/Gi/T/Ti and optional B.</summary>
    public static bool TryParseSize(string value, out long bytes)
    {
        bytes = 0;
        var m = SizePattern().Match(value);
        if (!m.Success || !decimal.TryParse(m.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }
        var unit = m.Groups[2].Value.ToUpperInvariant().TrimEnd('B');
        decimal factor = unit switch
        {
            "" => 1,
            "K" => 1000m,
            "KI" => 1024m,
            "M" => 1000m * 1000,
            "MI" => 1024m * 1024,
            "G" => 1000m * 1000 * 1000,
            "GI" => 1024m * 1024 * 1024,
            "T" => 1000m * 1000 * 1000 * 1000,
            "TI" => 1024m * 1024 * 1024 * 1024,
            _ => -1,
        };
        if (factor < 0)
        {
            return false;
        }
        bytes = (long)(number * factor);
        return true;
    }

    /// <summary>Ages as barman accepts them: <c>N DAYS|WEEKS|MONTHS</c> (singular or plural).</summary>
    public static bool TryParseAge(string value, out TimeSpan age)
    {
        age = TimeSpan.Zero;
        var m = AgePattern().Match(value);
        if (!m.Success)
        {
            return false;
        }
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        age = char.ToUpperInvariant(m.Groups[2].Value[0]) switch
        {
            'D' => TimeSpan.FromDays(n),
            'W' => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.FromDays(31 * n),
        };
        return true;
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]i?[bB]?|[bB])?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    [GeneratedRegex(@"^\s*(\d+)\s+(DAYS?|WEEKS?|MONTHS?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
