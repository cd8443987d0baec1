// Neutralises archive_command in a recovered configuration file and lists settings the operator must review.
using System.Text;
using System.Text.RegularExpressions;

namespace Barman.Core.Recovery;

/// <summary>One active setting found in a file; <see cref="Line"/> is 0-based, as barman reports it.</summary>
public sealed record ConfigAssertion(string FileName, int Line, string Key, string Value)
{
    public override string ToString() => $"{FileName} line {Line}: {Key} = {Value}";
}

/// <summary>A rewritten file plus what was changed and what looks dangerous.</summary>
public sealed record ConfigAnalysis(string Text, IReadOnlyList<ConfigAssertion> Changes, IReadOnlyList<ConfigAssertion> Warnings);

/// <summary>
/// Line-by-line analysis of postgresql.conf / postgresql.auto.conf. An active <c>archive_command</c> becomes
/// <c>#BARMAN#&lt;line&gt;</c> followed by <c>archive_command = false</c>, so a recovered copy never archives
/// into the catalog it came from. Paths that point outside the copy are reported as warnings.
/// </summary>
public static partial class ConfigFileAnalyzer
{
    private static readonly HashSet<string> Dangerous = new(StringComparer.Ordinal)
    {
        "data_directory", "config_file", "hba_file", "ident_file", "external_pid_file",
        "ssl_cert_file", "ssl_key_file", "ssl_ca_file", "ssl_crl_file",
        "unix_socket_directory", "unix_socket_directories", "include", "include_dir", "include_if_exists",
    };

    private static readonly Dictionary<string, string> Mangled = new(StringComparer.Ordinal) { ["archive_command"] = "false" };

    public static ConfigAnalysis Analyze(string fileName, string text)
    {
        var changes = new List<ConfigAssertion>();
        var warnings = new List<ConfigAssertion>();
        var output = new StringBuilder(text.Length + 64);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var newline = i < lines.Length - 1 ? "\n" : string.Empty;
            if (Setting().Match(line) is { Success: true } m)
            {
                var key = m.Groups["key"].Value.ToLowerInvariant();
                if (Mangled.TryGetValue(key, out var replacement))
                {
                    output.Append("#BARMAN#").Append(line).Append('\n').Append(key).Append(" = ").Append(replacement).Append(newline);
                    changes.Add(new ConfigAssertion(fileName, i, key, replacement));
                    continue;
                }
                if (Dangerous.Contains(key))
                {
                    warnings.Add(new ConfigAssertion(fileName, i, key, StripComment(m.Groups["value"].Value)));
                }
            }
            output.Append(line).Append(newline);
        }
        return new ConfigAnalysis(output.ToString(), changes, warnings);
    }

    /// <summary>Drops a trailing <c># comment</c> that is outside single quotes.</summary>
    private static string StripComment(string value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (value[i] == '#' && !quoted)
            {
                return value[..i].Trim();
            }
        }
        return value.Trim();
    }

    // "key = value", "key value" (PostgreSQL allows the '=' to be left out), never a commented line.
    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_.]*)\s*(?:=\s*|\s+)(?<value>.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Setting();
}
