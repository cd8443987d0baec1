// Python 3.11 argparse's parsing algorithm (what barman 3.4 uses), so the same command lines are accepted and rejected
// with the same messages; an accepted line becomes a canonical argv that System.CommandLine binds without surprises.
using System.Collections.Immutable;

namespace Barman.Cli.Hosting.Argparse;

/// <summary>The result of parsing a command line the argparse way.</summary>
internal abstract record ArgparseOutcome
{
    /// <summary>Accepted: <paramref name="CanonicalArgs"/> is what System.CommandLine should parse.</summary>
    public sealed record Parsed(ImmutableArray<string> CanonicalArgs, SubParser? Verb) : ArgparseOutcome;

    /// <summary>-h/--help was seen while parsing <paramref name="Parser"/>.</summary>
    public sealed record Help(ArgParser Parser) : ArgparseOutcome;

    /// <summary>-v/--version was seen.</summary>
    public sealed record Version : ArgparseOutcome;

    /// <summary>A usage error raised by <paramref name="Parser"/> (its usage is printed with the message).</summary>
    public sealed record Error(ArgParser Parser, string Message) : ArgparseOutcome;
}

internal static class ArgparseEngine
{
    /// <summary>Parses <paramref name="args"/> against the root parser, as <c>ArgumentParser.parse_args</c> does.</summary>
    public static ArgparseOutcome Parse(ArgParser root, IReadOnlyList<string> args)
    {
        try
        {
            var rootState = new ArgparseParserState(root);
            var extras = rootState.ParseKnown([.. args]);
            var unrecognized = rootState.Unrecognized.Concat(extras).ToList();
            if (unrecognized.Count > 0)
            {
                return new ArgparseOutcome.Error(root, "unrecognized arguments: " + string.Join(' ', unrecognized));
            }
            return new ArgparseOutcome.Parsed(Canonical(rootState), rootState.Verb?.SubParser);
        }
        catch (ArgparseExit exit)
        {
            return exit.Outcome;
        }
    }

    private static ImmutableArray<string> Canonical(ArgparseParserState root)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        AddOptions(root, args);
        if (root.Verb is { } verb)
        {
            args.Add(verb.SubParser!.Name);
            AddOptions(verb, args);
            var positionals = verb.Parser.Positionals.Where(a => verb.Values.ContainsKey(a)).SelectMany(a => verb.Values[a]).ToList();
            if (positionals.Count > 0)
            {
                args.Add("--");
                args.AddRange(positionals);
            }
        }
        return args.ToImmutable();
    }

    private static void AddOptions(ArgparseParserState state, ImmutableArray<string>.Builder args)
    {
        foreach (var action in state.Parser.Optionals.Where(state.Values.ContainsKey))
        {
            // The long form with "=" keeps values that start with '-' or contain spaces intact.
            var name = action.OptionStrings.FirstOrDefault(s => s.StartsWith("--", StringComparison.Ordinal)) ?? action.OptionStrings[0];
            var values = state.Values[action];
            switch (action.Kind)
            {
                case ActionKind.Flag:
                    args.Add(name);
                    break;
                case ActionKind.Append:
                    args.AddRange(values.Select(v => name + "=" + v));
                    break;
                default:
                    args.Add(name + "=" + values[^1]);
                    break;
            }
        }
    }

}
