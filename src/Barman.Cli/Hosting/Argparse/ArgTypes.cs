// Barman's argparse "type" functions: each turns the text into a canonical value or argparse's error text.
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Barman.Cli.Hosting.Argparse;

/// <summary>The outcome of an argument type check: the canonical text, or the message argparse prints.</summary>
internal readonly record struct ArgValue(string? Value, string? Error)
{
    public static ArgValue Ok(string value) => new(value, null);

    public static ArgValue Fail(string error) => new(null, error);
}

/// <summary>The value checks barman declares on its options (utils.check_* in Barman 3.4).</summary>
internal static partial class ArgTypes
{
    /// <summary>Words that cannot be backup names (they select backups).</summary>
    public static readonly string[] ReservedBackupIds = ["latest", "last", "oldest", "first", "last-failed"];

    /// <summary>An integer &gt;= 0.</summary>
    public static ArgValue NonNegative(string text) =>
        TryParsePythonInt(text, out var n) && n >= 0 ? ArgValue.Ok(n.ToString(CultureInfo.InvariantCulture))
            : ArgValue.Fail($"'{text}' is not a valid non negative integer");

    /// <summary>An integer &gt;= 1.</summary>
    public static ArgValue Positive(string text)
    {
        if (!TryParsePythonInt(text, out var n))
        {
            return ArgValue.Fail($"'{text}' is not a valid input");
        }
        return n >= 1 ? ArgValue.Ok(n.ToString(CultureInfo.InvariantCulture)) : ArgValue.Fail($"'{text}' is not a valid positive integer");
    }

    /// <summary>A timeline: a positive integer, <c>current</c> or <c>latest</c>.</summary>
    public static ArgValue Timeline(string text) => text is "current" or "latest" ? ArgValue.Ok(text) : Positive(text);

    /// <summary>A backup name: not empty, not shaped like a backup id, not a reserved word.</summary>
    public static ArgValue BackupName(string text)
    {
        if (text.Length == 0)
        {
            return ArgValue.Fail("Backup name cannot be empty");
        }
        if (BackupIdShape().IsMatch(text))
        {
            return ArgValue.Fail($"Backup name '{text}' is not allowed: backup ID");
        }
        return ReservedBackupIds.Contains(text, StringComparer.Ordinal)
            ? ArgValue.Fail($"Backup name '{text}' is not allowed: reserved word")
            : ArgValue.Ok(text);
    }

    /// <summary>A recovery target action: pause, shutdown or promote.</summary>
    public static ArgValue TargetAction(string text) =>
        text is "pause" or "shutdown" or "promote" ? ArgValue.Ok(text) : ArgValue.Fail($"'{text}' is not a valid recovery target action");

    /// <summary>Python's int(): surrounding whitespace, a sign, digits with single underscores between them.</summary>
    public static bool TryParsePythonInt(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        var m = PythonInt().Match(text);
        return m.Success && BigInteger.TryParse(text.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // Python's re.match(r"(\d{8})T\d{6}$"): "$" also matches before a final newline.
    [GeneratedRegex(@"^[0-9]{8}T[0-9]{6}\n?\z", RegexOptions.CultureInvariant)]
    private static partial Regex BackupIdShape();

    [GeneratedRegex(@"^\s*[+-]?[0-9]+(_[0-9]+)*\s*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PythonInt();
}
