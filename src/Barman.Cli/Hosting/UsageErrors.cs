// Prints parse errors the way argparse does: "usage: barman <verb> ..." then "barman <verb>: error: ...".
using System.CommandLine;

namespace Barman.Cli.Hosting;

internal static class UsageErrors
{
    public static void Print(ParseResult parse, TextWriter stderr)
    {
        var command = parse.CommandResult.Command;
        var path = command is RootCommand ? "barman" : "barman " + command.Name;
        stderr.WriteLine(ArgparseUsage.For(command, path));
        stderr.WriteLine($"{path}: error: {Describe(parse)}");
    }

    private static string Describe(ParseResult parse)
    {
        var missing = parse.CommandResult.Command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && parse.GetResult(a) is null or { Tokens.Count: 0 })
            .Select(a => a.Name)
            .ToList();
        if (missing.Count > 0)
        {
            return "the following arguments are required: " + string.Join(", ", missing);
        }
        var unmatched = parse.UnmatchedTokens;
        if (unmatched.Count > 0)
        {
            if (parse.CommandResult.Command is RootCommand && !unmatched[0].StartsWith('-'))
            {
                return $"argument command: invalid choice: '{unmatched[0]}'";
            }
            return "unrecognized arguments: " + string.Join(' ', unmatched);
        }
        return parse.Errors[0].Message;
    }
}
