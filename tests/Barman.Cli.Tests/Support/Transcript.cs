// Reads the reference transcript format: "# ran as ..." / "$ command" / stdout / stderr / exit code blocks,
// and "# config file X:" blocks that show a configuration file as comment lines.
using System.Text;
using System.Text.RegularExpressions;

namespace Barman.Cli.Tests.Support;

/// <summary>One command run of the real barman, as captured.</summary>
internal sealed record TranscriptBlock(string Command, string Stdout, string Stderr, int ExitCode)
{
    /// <summary>The arguments after "barman", split as a POSIX shell would (quotes only; no expansion).</summary>
    public string[] Args => [.. ShellWords.Split(Command).Skip(1)];
}

/// <summary>A configuration file shown in a transcript.</summary>
internal sealed record TranscriptConfig(string Path, string Text);

internal static partial class Transcript
{
    /// <summary>The raw chunks of a transcript: each starts at a "# ran as" or "# config file" line.</summary>
    public static IReadOnlyList<string> Chunks(string text)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n').SkipLast(1).Select(l => l + "\n"))
        {
            if ((line.StartsWith("# ran as", StringComparison.Ordinal) || line.StartsWith("# config file", StringComparison.Ordinal)) && current.Length > 0)
            {
                chunks.Add(current.ToString());
                current.Clear();
            }
            current.Append(line);
        }
        if (current.Length > 0)
        {
            chunks.Add(current.ToString());
        }
        return chunks;
    }

    public static IReadOnlyList<TranscriptBlock> Blocks(string text) =>
        [.. BlockPattern().Matches(text).Select(m => new TranscriptBlock(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    public static TranscriptBlock? Block(string chunk) => Blocks(chunk) is [var only] ? only : null;

    public static IReadOnlyList<TranscriptConfig> Configs(string text) =>
        [.. ConfigPattern().Matches(text).Select(m => new TranscriptConfig(
            m.Groups[1].Value,
            string.Concat(m.Groups[2].Value.Split('\n').SkipLast(1).Select(l => (l.Length > 4 ? l[4..] : string.Empty) + "\n"))))];

    [GeneratedRegex(@"^\$ ([^\n]*)\n--- stdout ---\n(.*?)--- stderr ---\n(.*?)--- exit code: (\d+) ---\n", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"^# config file (\S+):\n((?:#[^\n]*\n)+)", RegexOptions.Multiline)]
    private static partial Regex ConfigPattern();
}

/// <summary>Shell word splitting for the transcripts' command lines ('...', "...", backslash).</summary>
internal static class ShellWords
{
    public static IEnumerable<string> Split(string line)
    {
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else if (c == '\\' && q == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$')
                {
                    word.Append(line[++i]);
                }
                else
                {
                    word.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case ' ' or '\t':
                    if (inWord)
                    {
                        yield return word.ToString();
                        word.Clear();
                        inWord = false;
                    }
                    break;
                case '\'' or '"':
                    quote = c;
                    inWord = true;
                    break;
                case '\\' when i + 1 < line.Length:
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }
        if (inWord)
        {
            yield return word.ToString();
        }
    }
}
