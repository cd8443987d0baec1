// Reads one INI file with the rules of Python's configparser as barman configures it (strict=False, '=' or ':',
// whole-line '#'/';' comments, indented continuation lines); a syntax error is one line naming the file and line.
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Barman.Core.Errors;

namespace Barman.Core.Configuration;

/// <summary>A parsed INI file: sections in file order, each with lower-cased keys in file order (duplicates: last wins).</summary>
public sealed partial record IniDocument(string Path, ImmutableArray<IniSection> Sections)
{
    /// <summary>configparser's default section: its keys apply to every section.</summary>
    public const string DefaultSection = "DEFAULT";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ConfigurationException"/> on a syntax error.</summary>
    public static IniDocument Parse(string path, string text)
    {
        var sections = new List<(string Name, List<(string Key, List<string> Lines)> Keys)>();
        List<(string Key, List<string> Lines)>? current = null;
        List<string>? value = null;
        var indentLevel = 0;
        var errors = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var stripped = line.Trim();
            var isComment = stripped.StartsWith('#') || stripped.StartsWith(';');
            if (isComment || stripped.Length == 0)
            {
                // A blank line inside a multi-line value is part of it (trailing blanks are trimmed at the end).
                if (!isComment && value is not null && i < lines.Length - 1)
                {
                    value.Add(string.Empty);
                }
                continue;
            }
            var indent = line.Length - line.TrimStart().Length;
            if (current is not null && value is not null && indent > indentLevel)
            {
                value.Add(stripped);
                continue;
            }
            indentLevel = indent;
            var header = SectionHeader().Match(stripped);
            if (header.Success)
            {
                var name = header.Groups[1].Value;
                var existing = sections.FindIndex(s => s.Name == name);
                if (existing < 0)
                {
                    sections.Add((name, []));
                    existing = sections.Count - 1;
                }
                current = sections[existing].Keys;
                value = null;
                continue;
            }
            if (current is null)
            {
                throw new ConfigurationException($"File contains no section headers. file: '{path}', line: {i + 1}: {Quote(line)}");
            }
            var option = OptionLine().Match(stripped);
            if (!option.Success || option.Groups[1].Value.Length == 0)
            {
                errors.Add($"[line {i + 1}]: {Quote(line)}");
                value = null;
                continue;
            }
            var key = option.Groups[1].Value.TrimEnd().ToLowerInvariant();
            current.RemoveAll(k => k.Key == key);
            value = [option.Groups[2].Value.Trim()];
            current.Add((key, value));
        }
        if (errors.Count > 0)
        {
            throw new ConfigurationException($"Source contains parsing errors: '{path}' {string.Join(' ', errors)}");
        }
        return new IniDocument(path, [.. sections.Select(s => new IniSection(
            s.Name,
            [.. s.Keys.Select(k => new KeyValuePair<string, string>(k.Key, string.Join('\n', k.Lines).TrimEnd()))]))]);
    }

    private static string Quote(string line) => "'" + line.Replace("'", "\\'", StringComparison.Ordinal) + "'";

    // configparser.SECTCRE, matched from the start of the stripped line.
    [GeneratedRegex(@"^\[(.+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SectionHeader();

    // configparser.OPTCRE: the key ends at the first '=' or ':'.
    [GeneratedRegex(@"^(.*?)\s*[=:]\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex OptionLine();
}

/// <summary>One <c>[section]</c> with its keys (lower case) and values (trimmed, continuation lines joined by '\n').</summary>
public sealed record IniSection(string Name, ImmutableArray<KeyValuePair<string, string>> Keys);
