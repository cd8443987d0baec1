// argparse's HelpFormatter (Python 3.11) for barman's parsers: the usage line and the --help text, wrapped the same way.
using System.Text;

namespace Barman.Cli.Hosting.Argparse;

internal sealed class HelpFormatter(int width)
{
    private const string Prefix = "usage: ";

    private readonly int maxHelpPosition = Math.Min(24, Math.Max(width - 20, 4));

    /// <summary>Terminal width as argparse computes it: $COLUMNS, else 80, minus 2.</summary>
    public static HelpFormatter ForEnvironment(int? terminalColumns)
    {
        var columns = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var c) && c > 0 ? c : terminalColumns ?? 80;
        return new HelpFormatter(columns - 2);
    }

    /// <summary>"usage: ..." without the trailing newline.</summary>
    public string Usage(ArgParser parser)
    {
        var optParts = parser.Shown.Where(a => a.IsOptional).SelectMany(OptionalParts).ToList();
        var posParts = parser.Shown.Where(a => !a.IsOptional).SelectMany(PositionalParts).ToList();
        var usage = string.Join(' ', new[] { parser.Prog }.Concat(optParts).Concat(posParts));
        if (Prefix.Length + usage.Length <= width)
        {
            return Prefix + usage;
        }
        List<string> lines;
        if (Prefix.Length + parser.Prog.Length <= 0.75 * width)
        {
            var indent = new string(' ', Prefix.Length + parser.Prog.Length + 1);
            if (optParts.Count > 0)
            {
                lines = GetLines([parser.Prog, .. optParts], indent, Prefix);
                lines.AddRange(GetLines(posParts, indent, null));
            }
            else
            {
                lines = posParts.Count > 0 ? GetLines([parser.Prog, .. posParts], indent, Prefix) : [parser.Prog];
            }
        }
        else
        {
            var indent = new string(' ', Prefix.Length);
            lines = GetLines([.. optParts, .. posParts], indent, null);
            if (lines.Count > 1)
            {
                lines = [.. GetLines(optParts, indent, null), .. GetLines(posParts, indent, null)];
            }
            lines.Insert(0, parser.Prog);
        }
        return Prefix + string.Join('\n', lines);
    }

    /// <summary>The whole --help text, ending with one newline.</summary>
    public string Help(ArgParser parser)
    {
        var sections = new List<string> { Usage(parser) };
        if (parser.Description is { } description)
        {
            sections.Add(TextWrap.Fill(TextWrap.Collapse(description), Math.Max(width, 11), string.Empty));
        }
        var rows = new List<(ArgAction Action, string Invocation, int Indent)>();
        var maxLength = 0;
        foreach (var action in parser.Shown)
        {
            var invocations = new List<string> { Invocation(action) };
            invocations.AddRange(SubActions(parser, action).Select(s => s.Invocation));
            maxLength = Math.Max(maxLength, invocations.Max(i => i.Length) + 2);
        }
        var helpPosition = Math.Min(maxLength + 2, maxHelpPosition);
        var positionals = parser.Shown.Where(a => !a.IsOptional).ToList();
        if (positionals.Count > 0)
        {
            sections.Add("positional arguments:\n" + string.Concat(positionals.Select(a => FormatAction(parser, a, 2, helpPosition))).TrimEnd('\n'));
        }
        sections.Add("options:\n" + string.Concat(parser.Shown.Where(a => a.IsOptional).Select(a => FormatAction(parser, a, 2, helpPosition))).TrimEnd('\n'));
        if (parser.Epilog is { } epilog)
        {
            sections.Add(TextWrap.Fill(TextWrap.Collapse(epilog), Math.Max(width, 11), string.Empty));
        }
        return string.Join("\n\n", sections) + "\n";
    }

    private string FormatAction(ArgParser parser, ArgAction action, int indent, int helpPosition) =>
        FormatRow(Invocation(action), action.Help, indent, helpPosition)
        + string.Concat(SubActions(parser, action).Select(s => FormatRow(s.Invocation, s.Help, indent + 2, helpPosition)));

    private string FormatRow(string header, string? help, int indent, int helpPosition)
    {
        var helpWidth = Math.Max(width - helpPosition, 11);
        var actionWidth = helpPosition - indent - 2;
        var pad = new string(' ', indent);
        if (string.IsNullOrWhiteSpace(help))
        {
            return pad + header + "\n";
        }
        var sb = new StringBuilder();
        int indentFirst;
        if (header.Length <= actionWidth)
        {
            sb.Append(pad).Append(header.PadRight(actionWidth)).Append("  ");
            indentFirst = 0;
        }
        else
        {
            sb.Append(pad).Append(header).Append('\n');
            indentFirst = helpPosition;
        }
        var lines = TextWrap.Wrap(TextWrap.Collapse(help), helpWidth);
        sb.Append(new string(' ', indentFirst)).Append(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            sb.Append(new string(' ', helpPosition)).Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The verbs listed under the root's sub-command positional: "list-backups (list-backup)", sorted by name.</summary>
    private static IEnumerable<(string Invocation, string? Help)> SubActions(ArgParser parser, ArgAction action) =>
        action.Kind != ActionKind.SubParsers
            ? []
            : parser.SubParsers.Where(s => !s.Command.Hidden).OrderBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => (s.Aliases.Length == 0 ? s.Name : $"{s.Name} ({string.Join(", ", s.Aliases)})", s.Help));

    private static string Invocation(ArgAction action)
    {
        if (!action.IsOptional)
        {
            return Metavar(action);
        }
        if (action.Nargs == Nargs.Zero)
        {
            return string.Join(", ", action.OptionStrings);
        }
        var args = FormatArgs(action);
        return string.Join(", ", action.OptionStrings.Select(s => s + " " + args));
    }

    private static string Metavar(ArgAction action)
    {
        if (action.Metavar is { } explicitMetavar)
        {
            return explicitMetavar;
        }
        if (action.Choices is not { } choices)
        {
            return action.IsOptional ? action.Dest.ToUpperInvariant() : action.Dest;
        }
        // barman's formatter sorts the sub-command names; option choices keep their declared order.
        IEnumerable<string> shown = action.Kind == ActionKind.SubParsers ? choices.Order(StringComparer.Ordinal) : choices;
        return "{" + string.Join(",", shown) + "}";
    }

    private static string FormatArgs(ArgAction action) => action.Nargs == Nargs.Optional ? $"[{Metavar(action)}]" : Metavar(action);

    private static IEnumerable<string> OptionalParts(ArgAction action) =>
        [action.Nargs == Nargs.Zero ? $"[{action.OptionStrings[0]}]" : $"[{action.OptionStrings[0]} {FormatArgs(action)}]"];

    private static IEnumerable<string> PositionalParts(ArgAction action)
    {
        var metavar = Metavar(action);
        return action.Nargs switch
        {
            Nargs.Optional => [$"[{metavar}]"],
            Nargs.OneOrMore => [metavar, $"[{metavar} ...]"],
            Nargs.Parser => [metavar, "..."],
            _ => [metavar],
        };
    }

    private List<string> GetLines(IReadOnlyList<string> parts, string indent, string? prefix)
    {
        var lines = new List<string>();
        var line = new List<string>();
        var lineLength = (prefix?.Length ?? indent.Length) - 1;
        foreach (var part in parts)
        {
            if (lineLength + 1 + part.Length > width && line.Count > 0)
            {
                lines.Add(indent + string.Join(' ', line));
                line.Clear();
                lineLength = indent.Length - 1;
            }
            line.Add(part);
            lineLength += part.Length + 1;
        }
        if (line.Count > 0)
        {
            lines.Add(indent + string.Join(' ', line));
        }
        if (prefix is not null && lines.Count > 0)
        {
            lines[0] = lines[0][indent.Length..];
        }
        return lines;
    }
}
