// Reads one INI file with Python configparser's rules (what barman uses) on top of ini-parser.
using System.Collections.Immutable;
using Barman.Core.Errors;
using IniParser.Exceptions;
using IniParser.Model.Configuration;
using IniParser.Parser;

namespace Barman.Core.Configuration;

/// <summary>A parsed INI file: sections in file order, each with lower-cased keys in file order.</summary>
public sealed record IniDocument(string Path, ImmutableArray<IniSection> Sections)
{
    /// <summary>
    /// Parses <paramref name="text"/>. Comments are whole lines starting with <c>#</c> or <c>;</c>
    /// (a <c>;</c> inside a value is kept, as configparser does); indented lines continue the previous value.
    /// </summary>
    public static IniDocument Parse(string path, string text)
    {
        var parser = new IniDataParser(new IniParserConfiguration
        {
            // configparser has no inline comments: make ini-parser's comment marker unreachable.
            CommentString = "\u0001\u0002",
            AllowDuplicateKeys = true,
            OverrideDuplicateKeys = true,
            AllowDuplicateSections = true,
            AllowKeysWithoutSection = false,
            CaseInsensitive = false,
            SkipInvalidLines = false,
            ThrowExceptionsOnError = true,
        });
        try
        {
            var data = parser.Parse(Normalise(text));
            var sections = data.Sections
                .Select(s => new IniSection(
                    s.SectionName,
                    [.. s.Keys.Select(k => new KeyValuePair<string, string>(k.KeyName.Trim().ToLowerInvariant(), Unquote(k.Value.Trim()).Replace(ContinuationMark, '\n')))]))
                .ToImmutableArray();
            return new IniDocument(path, sections);
        }
        catch (ParsingException e)
        {
            var line = e.LineNumber > 0 ? $" at line {e.LineNumber}" : string.Empty;
            var content = string.IsNullOrWhiteSpace(e.LineValue) ? string.Empty : $": '{e.LineValue.Trim()}'";
            throw new ConfigurationException($"Cannot parse configuration file '{path}'{line}{content}");
        }
    }

    private const char ContinuationMark = '\u0003';

    /// <summary>Barman strips one pair of surrounding double quotes (description = "Main Production Server").</summary>
    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    /// <summary>Turns comment lines into blank ones and folds continuation lines, keeping line numbers.</summary>
    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var lastValueLine = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                lastValueLine = -1;
                continue;
            }
            if (trimmed[0] is '#' or ';')
            {
                lines[i] = string.Empty;
                continue;
            }
            if (lastValueLine >= 0 && char.IsWhiteSpace(line[0]))
            {
                lines[lastValueLine] += ContinuationMark + trimmed.TrimEnd();
                lines[i] = string.Empty;
                continue;
            }
            lastValueLine = trimmed[0] == '[' ? -1 : i;
        }
        return string.Join('\n', lines);
    }
}

/// <summary>One <c>[section]</c> with its keys (lower case) and values (trimmed).</summary>
public sealed record IniSection(string Name, ImmutableArray<KeyValuePair<string, string>> Keys);
