// Python's textwrap.wrap/fill with argparse's settings (hyphen-aware word splitting), so help text wraps where barman's does.
using System.Text;
using System.Text.RegularExpressions;

namespace Barman.Cli.Hosting.Argparse;

internal static partial class TextWrap
{
    /// <summary>Collapses runs of whitespace to one space and trims, as argparse does before wrapping.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>textwrap.wrap(<paramref name="text"/>, <paramref name="width"/>) for text without tabs or newlines.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var chunks = WordSeparator().Split(text).Where(c => c.Length > 0).Reverse().ToList();
        var lines = new List<string>();
        while (chunks.Count > 0)
        {
            var line = new List<string>();
            var length = 0;
            if (chunks[^1].Trim().Length == 0 && lines.Count > 0)
            {
                chunks.RemoveAt(chunks.Count - 1);
            }
            while (chunks.Count > 0 && length + chunks[^1].Length <= width)
            {
                length += chunks[^1].Length;
                line.Add(chunks[^1]);
                chunks.RemoveAt(chunks.Count - 1);
            }
            if (chunks.Count > 0 && chunks[^1].Length > width)
            {
                BreakLongWord(chunks, line, length, width);
            }
            if (line.Count > 0 && line[^1].Trim().Length == 0)
            {
                line.RemoveAt(line.Count - 1);
            }
            if (line.Count > 0)
            {
                lines.Add(string.Concat(line));
            }
        }
        return lines;
    }

    /// <summary>textwrap.fill with the same indent on every line.</summary>
    public static string Fill(string text, int width, string indent)
    {
        var sb = new StringBuilder();
        foreach (var line in Wrap(text, width - indent.Length))
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }
            sb.Append(indent).Append(line);
        }
        return sb.ToString();
    }

    private static void BreakLongWord(List<string> chunks, List<string> line, int length, int width)
    {
        var spaceLeft = width < 1 ? 1 : width - length;
        var chunk = chunks[^1];
        var end = spaceLeft;
        if (chunk.Length > spaceLeft)
        {
            var hyphen = spaceLeft > 0 ? chunk.LastIndexOf('-', spaceLeft - 1) : -1;
            if (hyphen > 0 && chunk[..hyphen].Any(c => c != '-'))
            {
                end = hyphen + 1;
            }
        }
        line.Add(chunk[..end]);
        chunks[^1] = chunk[end..];
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    // textwrap.TextWrapper.wordsep_re (Python 3.11): whitespace, em-dashes, and words split after their hyphens.
    [GeneratedRegex(
        @"( [\t\n\x0b\x0c\r\ ]+
          | (?<=[\w!""'&.,?]) -{2,} (?=\w)
          | [^\t\n\x0b\x0c\r\ ]+? (?:
                -(?: (?<=[^\d\W]{2}-) | (?<=[^\d\W]-[^\d\W]-))
                (?= [^\d\W] -? [^\d\W])
              | (?=[\t\n\x0b\x0c\r\ ]|\z)
              | (?<=[\w!""'&.,?]) (?=-{2,}\w)
            )
          )",
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparator();
}
