// The "usage:" line of a command, laid out like Python argparse (wrapped under the program name).
using System.CommandLine;

namespace Barman.Cli.Hosting;

internal static class ArgparseUsage
{
    private const int Width = 78;

    public static string For(Command command, string path)
    {
        var parts = new List<string> { "[-h]" };
        foreach (var option in command.Options.Where(o => o is not System.CommandLine.Help.HelpOption))
        {
            parts.Add(OptionPart(option, command is RootCommand));
        }
        foreach (var argument in command.Arguments)
        {
            parts.Add(argument.Arity.MaximumNumberOfValues > 1 ? $"{argument.Name} [{argument.Name} ...]"
                : argument.Arity.MinimumNumberOfValues == 0 ? $"[{argument.Name}]" : argument.Name);
        }
        if (command is RootCommand root)
        {
            parts.Add("{" + string.Join(',', root.Subcommands.Where(c => !c.Hidden).SelectMany(c => new[] { c.Name }.Concat(c.Aliases)).Order(StringComparer.Ordinal)) + "}");
            parts.Add("...");
        }
        var prefix = "usage: " + path + " ";
        var indent = new string(' ', prefix.Length);
        var lines = new List<string>();
        var current = prefix;
        foreach (var part in parts)
        {
            if (current.Length + part.Length > Width && current != prefix && current != indent)
            {
                lines.Add(current.TrimEnd());
                current = indent;
            }
            current += part + " ";
        }
        lines.Add(current.TrimEnd());
        return string.Join('\n', lines);
    }

    // barman declares its global options short-first (-c, -f) and sub-command options long-first (--jobs, -j);
    // argparse shows the first one declared.
    private static string OptionPart(Option option, bool shortFirst)
    {
        var shortName = option.Aliases.Where(a => a.StartsWith('-') && !a.StartsWith("--", StringComparison.Ordinal)).FirstOrDefault();
        var name = shortFirst ? shortName ?? option.Name : option.Name;
        if (option.ValueType == typeof(bool))
        {
            return $"[{name}]";
        }
        var metavar = option.HelpName ?? option.Name.TrimStart('-').Replace('-', '_').ToUpperInvariant();
        return $"[{name} {metavar}]";
    }
}
