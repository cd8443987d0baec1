// One parser's run of Python 3.11 argparse's _parse_known_args: classify the strings, consume optionals and
// positionals by nargs patterns, check types and choices, and recurse into the chosen sub-command's parser.
using System.Text;
using System.Text.RegularExpressions;

namespace Barman.Cli.Hosting.Argparse;

/// <summary>One parser's run: the classification of each string, the actions taken, and the strings left over.</summary>
internal sealed partial class ArgparseParserState(ArgParser parser, SubParser? sub = null)
{
    public ArgParser Parser => parser;

    /// <summary>The sub-command this parser belongs to (null for the root).</summary>
    public SubParser? SubParser => sub;

    public Dictionary<ArgAction, List<string>> Values { get; } = [];

    public List<string> Unrecognized { get; } = [];

    public ArgparseParserState? Verb { get; private set; }

    private readonly HashSet<ArgAction> seen = [];

    // Every option string with its action, in registration order. Plain loops here and below: LINQ over tuples made
    // the runtime build generic code on first use, a tenth of a millisecond of every run.
    private readonly List<(string OptionString, ArgAction Action)> optionStrings = OptionStringsOf(parser);

    private static List<(string OptionString, ArgAction Action)> OptionStringsOf(ArgParser parser)
    {
        var list = new List<(string OptionString, ArgAction Action)>();
        foreach (var action in parser.Actions)
        {
            foreach (var optionString in action.OptionStrings)
            {
                list.Add((optionString, action));
            }
        }
        return list;
    }

    public List<string> ParseKnown(List<string> args)
    {
        var optionIndices = new SortedDictionary<int, (ArgAction? Action, string OptionString, string? Explicit)>();
        var pattern = new StringBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                pattern.Append('-');
                pattern.Append('A', args.Count - i - 1);
                break;
            }
            if (ParseOptional(args[i]) is { } tuple)
            {
                optionIndices[i] = tuple;
                pattern.Append('O');
            }
            else
            {
                pattern.Append('A');
            }
        }
        var patternText = pattern.ToString();
        var extras = new List<string>();
        var positionals = parser.Positionals.ToList();
        var start = 0;
        var maxOption = optionIndices.Count > 0 ? optionIndices.Keys.Max() : -1;
        while (start <= maxOption)
        {
            var next = optionIndices.Keys.First(i => i >= start);
            if (start != next)
            {
                var end = ConsumePositionals(start, args, patternText, positionals);
                if (end > start)
                {
                    start = end;
                    continue;
                }
                start = end;
            }
            if (!optionIndices.ContainsKey(start))
            {
                extras.AddRange(args.GetRange(start, next - start));
                start = next;
            }
            start = ConsumeOptional(start, args, patternText, optionIndices, extras);
        }
        var stop = ConsumePositionals(start, args, patternText, positionals);
        extras.AddRange(args.Skip(stop));
        var required = parser.Actions.Where(a => a.Required && !seen.Contains(a)).Select(a => a.DisplayName).ToList();
        if (required.Count > 0)
        {
            throw Error("the following arguments are required: " + string.Join(", ", required));
        }
        return extras;
    }

    private (ArgAction? Action, string OptionString, string? Explicit)? ParseOptional(string arg)
    {
        if (arg.Length == 0 || arg[0] != '-')
        {
            return null;
        }
        if (Lookup(arg) is { } exact)
        {
            return (exact, arg, null);
        }
        if (arg.Length == 1)
        {
            return null;
        }
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        if (eq >= 0 && Lookup(arg[..eq]) is { } withValue)
        {
            return (withValue, arg[..eq], arg[(eq + 1)..]);
        }
        var tuples = OptionTuples(arg);
        if (tuples.Count > 1)
        {
            throw Error($"ambiguous option: {arg} could match {string.Join(", ", tuples.Select(t => t.OptionString))}");
        }
        if (tuples.Count == 1)
        {
            return tuples[0];
        }
        // barman declares no option that looks like a negative number, so "-5" is a positional.
        if (NegativeNumber().IsMatch(arg) || arg.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }
        return (null, arg, null);
    }

    private List<(ArgAction? Action, string OptionString, string? Explicit)> OptionTuples(string arg)
    {
        var result = new List<(ArgAction?, string, string?)>();
        if (arg[1] == '-')
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var prefix = eq >= 0 ? arg[..eq] : arg;
            string? explicitArg = eq >= 0 ? arg[(eq + 1)..] : null;
            foreach (var (optionString, action) in optionStrings)
            {
                if (optionString.StartsWith(prefix, StringComparison.Ordinal))
                {
                    result.Add((action, optionString, explicitArg));
                }
            }
            return result;
        }
        var shortPrefix = arg[..2];
        var shortExplicit = arg[2..];
        foreach (var (optionString, action) in optionStrings)
        {
            if (optionString == shortPrefix)
            {
                result.Add((action, optionString, shortExplicit));
            }
            else if (optionString.StartsWith(arg, StringComparison.Ordinal))
            {
                result.Add((action, optionString, null));
            }
        }
        return result;
    }

    private ArgAction? Lookup(string optionString)
    {
        foreach (var (candidate, action) in optionStrings)
        {
            if (candidate == optionString)
            {
                return action;
            }
        }
        return null;
    }

    private int ConsumeOptional(
        int start,
        List<string> args,
        string pattern,
        SortedDictionary<int, (ArgAction? Action, string OptionString, string? Explicit)> optionIndices,
        List<string> extras)
    {
        var (action, optionString, explicitArg) = optionIndices[start];
        var taken = new List<(ArgAction Action, List<string> Args, string OptionString)>();
        int stop;
        while (true)
        {
            if (action is null)
            {
                extras.Add(args[start]);
                return start + 1;
            }
            if (explicitArg is not null)
            {
                var count = MatchArgument(action, "A");
                if (count == 0 && optionString[1] != '-' && explicitArg.Length > 0)
                {
                    // "-qd": a flag followed by more single-dash flags.
                    taken.Add((action, [], optionString));
                    optionString = "-" + explicitArg[0];
                    var rest = explicitArg.Length > 1 ? explicitArg[1..] : null;
                    action = Lookup(optionString) ?? throw Error(action, $"ignored explicit argument {PyRepr.Str(explicitArg)}");
                    explicitArg = rest;
                    continue;
                }
                if (count == 1)
                {
                    stop = start + 1;
                    taken.Add((action, [explicitArg], optionString));
                    break;
                }
                throw Error(action, $"ignored explicit argument {PyRepr.Str(explicitArg)}");
            }
            var first = start + 1;
            var n = MatchArgument(action, pattern[first..]);
            stop = first + n;
            taken.Add((action, args.GetRange(first, n), optionString));
            break;
        }
        foreach (var (a, values, _) in taken)
        {
            TakeAction(a, values);
        }
        return stop;
    }

    private int ConsumePositionals(int start, List<string> args, string pattern, List<ArgAction> positionals)
    {
        var counts = MatchPartial(positionals, pattern[start..]);
        for (var i = 0; i < counts.Count; i++)
        {
            TakeAction(positionals[i], args.GetRange(start, counts[i]));
            start += counts[i];
        }
        positionals.RemoveRange(0, counts.Count);
        return start;
    }

    private int MatchArgument(ArgAction action, string pattern)
    {
        if (NargsPattern.Match(pattern, [NargsPattern.For(action.Nargs, action.IsOptional)]) is not [var length])
        {
            throw Error(action, action.Nargs switch
            {
                Nargs.Optional => "expected at most one argument",
                Nargs.OneOrMore => "expected at least one argument",
                _ => "expected one argument",
            });
        }
        return length;
    }

    private static List<int> MatchPartial(List<ArgAction> actions, string pattern)
    {
        var groups = new List<NargsPattern.Atom[]>(actions.Count);
        foreach (var action in actions)
        {
            groups.Add(NargsPattern.For(action.Nargs, action.IsOptional));
        }
        for (var i = actions.Count; i > 0; i--)
        {
            if (NargsPattern.Match(pattern, groups.GetRange(0, i)) is { } lengths)
            {
                return [.. lengths];
            }
        }
        return [];
    }

    private void TakeAction(ArgAction action, List<string> strings)
    {
        seen.Add(action);
        if (action.Nargs != Nargs.Parser)
        {
            strings.Remove("--");
        }
        switch (action.Kind)
        {
            case ActionKind.Help:
                throw new ArgparseExit(new ArgparseOutcome.Help(parser));
            case ActionKind.Version:
                throw new ArgparseExit(new ArgparseOutcome.Version());
            case ActionKind.Flag:
                Values[action] = [];
                return;
            case ActionKind.SubParsers:
                if (parser.FindSubParser(strings[0]) is not { } chosen)
                {
                    CheckChoice(action, strings[0]);
                    return;
                }
                var state = new ArgparseParserState(chosen.Parser, chosen);
                Verb = state;
                Unrecognized.AddRange(state.ParseKnown(strings.GetRange(1, strings.Count - 1)));
                return;
        }
        var values = strings.Count == 0 && action.Nargs == Nargs.Optional
            ? (action.IsOptional && action.Const is { } c ? [c] : [])
            : strings;
        var converted = values.Select(v => Convert(action, v)).ToList();
        if (action.Kind == ActionKind.Append && Values.TryGetValue(action, out var previous))
        {
            previous.AddRange(converted);
        }
        else if (converted.Count > 0 || action.IsOptional)
        {
            Values[action] = converted;
        }
    }

    private string Convert(ArgAction action, string text)
    {
        var value = text;
        if (action.Type is { } type)
        {
            var result = type(text);
            value = result.Value ?? throw Error(action, result.Error!);
        }
        CheckChoice(action, value);
        return value;
    }

    private void CheckChoice(ArgAction action, string value)
    {
        if (action.Choices is { } choices && !choices.Contains(value, StringComparer.Ordinal))
        {
            throw Error(action, $"invalid choice: {PyRepr.Str(value)} (choose from {string.Join(", ", choices.Select(PyRepr.Str))})");
        }
    }

    private ArgparseExit Error(string message) => new(new ArgparseOutcome.Error(parser, message));

    private ArgparseExit Error(ArgAction action, string message) => Error($"argument {action.DisplayName}: {message}");

    [GeneratedRegex(@"^-\d+$|^-\d*\.\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex NegativeNumber();
}

/// <summary>argparse's error()/exit() inside a parse: unwinds to <see cref="ArgparseEngine.Parse"/> with the outcome.</summary>
internal sealed class ArgparseExit(ArgparseOutcome outcome) : Exception
{
    public ArgparseOutcome Outcome => outcome;
}
