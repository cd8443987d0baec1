// configparser's BasicInterpolation, as barman reads its files: %(key)s names a key of the same section (or
// [DEFAULT]), %% is a literal %, anything else after % is an error naming the option and section.
using System.Text;
using System.Text.RegularExpressions;
using Barman.Core.Errors;

namespace Barman.Core.Configuration;

internal static partial class Interpolation
{
    private const int MaxDepth = 10;

    /// <summary>The value of <paramref name="option"/> with references to <paramref name="keys"/> replaced.</summary>
    public static string Expand(string section, string option, string raw, IReadOnlyDictionary<string, string> keys)
    {
        var result = new StringBuilder();
        Expand(section, option, raw, raw, keys, result, 1);
        return result.ToString();
    }

    private static void Expand(string section, string option, string rawValue, string rest, IReadOnlyDictionary<string, string> keys, StringBuilder result, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ConfigurationException(
                $"Recursion limit exceeded in value substitution: option {Repr(option)} in section {Repr(section)} contains an interpolation key which cannot be substituted in {MaxDepth} steps. Raw value: {Repr(rawValue)}");
        }
        while (rest.Length > 0)
        {
            var p = rest.IndexOf('%', StringComparison.Ordinal);
            if (p < 0)
            {
                result.Append(rest);
                return;
            }
            result.Append(rest, 0, p);
            rest = rest[p..];
            var next = rest.Length > 1 ? rest[1] : '\0';
            if (next == '%')
            {
                result.Append('%');
                rest = rest[2..];
            }
            else if (next == '(')
            {
                var m = Reference().Match(rest);
                if (!m.Success)
                {
                    throw new ConfigurationException($"bad interpolation variable reference {Repr(rest)}");
                }
                var name = m.Groups[1].Value.ToLowerInvariant();
                rest = rest[m.Length..];
                if (!keys.TryGetValue(name, out var value))
                {
                    throw new ConfigurationException(
                        $"Bad value substitution: option {Repr(option)} in section {Repr(section)} contains an interpolation key {Repr(name)} which is not a valid option name. Raw value: {Repr(rawValue)}");
                }
                if (value.Contains('%', StringComparison.Ordinal))
                {
                    Expand(section, option, rawValue, value, keys, result, depth + 1);
                }
                else
                {
                    result.Append(value);
                }
            }
            else
            {
                throw new ConfigurationException($"'%' must be followed by '%' or '(', found: {Repr(rest)}");
            }
        }
    }

    private static string Repr(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"^%\(([^)]+)\)s", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
