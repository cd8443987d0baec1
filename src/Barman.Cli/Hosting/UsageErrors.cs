// Prints a usage error the way argparse does: "usage: <prog> ..." then "<prog>: error: <message>", exit code 2.
using System.CommandLine;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Hosting;

internal static class UsageErrors
{
    public const int ExitCode = 2;

    /// <summary>Writes the usage of <paramref name="parser"/> and the message to <paramref name="stderr"/>; returns 2.</summary>
    public static int Print(ArgParser parser, string message, TextWriter stderr)
    {
        stderr.Write(ArgparseUsage.Formatter.Usage(parser) + "\n");
        stderr.Write($"{parser.Prog}: error: {message}\n");
        return ExitCode;
    }

    /// <summary>
    /// A System.CommandLine error on the canonical command line (argparse accepted it, so this only happens when a
    /// value passes barman's check but not .NET's binding, e.g. an integer too large): reported as argparse would.
    /// </summary>
    public static int Print(ArgParser root, ParseResult parse, TextWriter stderr)
    {
        var error = parse.Errors[0];
        var parser = root.FindSubParser(parse.CommandResult.Command.Name)?.Parser ?? root;
        var name = error.SymbolResult switch
        {
            System.CommandLine.Parsing.OptionResult o => string.Join('/', new[] { o.Option.Name }.Concat(o.Option.Aliases)),
            System.CommandLine.Parsing.ArgumentResult a => a.Argument.Name,
            _ => null,
        };
        return Print(parser, name is null ? error.Message : $"argument {name}: {error.Message}", stderr);
    }
}
