// Derives the argparse parsers from the System.CommandLine tree, so options are declared once (in Commands/).
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;

namespace Barman.Cli.Hosting.Argparse;

internal static class ArgparseModelBuilder
{
    private const string Epilog = "Barman by EnterpriseDB (www.enterprisedb.com)";

    private static readonly ArgAction HelpAction = new(
        ["-h", "--help"], "help", ActionKind.Help, Nargs.Zero, null, null, null, null, "show this help message and exit", null);

    /// <summary>The root parser: -h, -v, the global options and one sub-parser per verb of the tree (in its order).</summary>
    public static ArgParser Build(Command root, Option version, Func<Command, string?> verbEpilog) =>
        Build(root, version, verbEpilog, root.Subcommands.Select(c => (c.Name, c.Aliases.ToImmutableArray(), c.Hidden, (Func<Command>)(() => c))));

    /// <summary>
    /// The root parser over verbs given by name, each built by its factory the first time the parser needs it
    /// (the command line names it, or help and usage list it).
    /// </summary>
    public static ArgParser Build(
        Command root,
        Option version,
        Func<Command, string?> verbEpilog,
        IEnumerable<(string Name, ImmutableArray<string> Aliases, bool Hidden, Func<Command> Create)> verbs)
    {
        var verbList = verbs.ToList();
        var subParsers = verbList
            .Select(v => new SubParser(v.Name, v.Aliases, () =>
            {
                var command = v.Create();
                return (command, ForCommand(command, "barman " + command.Name, verbEpilog(command)));
            }))
            .ToImmutableArray();
        var actions = ImmutableArray.CreateBuilder<ArgAction>();
        actions.Add(HelpAction);
        actions.Add(new ArgAction(OptionStrings(version), "version", ActionKind.Version, Nargs.Zero, null, null, null, null, version.Description, version));
        foreach (var option in root.Options.Where(o => o is not HelpOption && !ReferenceEquals(o, version)))
        {
            actions.Add(FromOption(option));
        }
        // Hidden verbs (our extensions such as restore-test) parse, but stay out of barman's usage, help and choice lists.
        var names = verbList.Where(v => !v.Hidden).SelectMany(v => v.Aliases.Prepend(v.Name)).ToArray();
        actions.Add(new ArgAction([], "command", ActionKind.SubParsers, Nargs.Parser, null, names, null, null, null, null));
        // The root has no description: barman's help starts with the usage and then the positional arguments.
        return new ArgParser("barman", null, Epilog, actions.ToImmutable(), subParsers);
    }

    private static ArgParser ForCommand(Command command, string prog, string? epilog)
    {
        var actions = ImmutableArray.CreateBuilder<ArgAction>();
        actions.Add(HelpAction);
        // A hidden option (our extensions) parses but stays out of usage and help, like argparse's help=SUPPRESS.
        foreach (var option in command.Options.Where(o => o is not HelpOption))
        {
            actions.Add(FromOption(option));
        }
        foreach (var argument in command.Arguments)
        {
            var meta = ArgparseMeta.Of(argument);
            var nargs = argument.Arity.MaximumNumberOfValues > 1 ? Nargs.OneOrMore
                : argument.Arity.MinimumNumberOfValues == 0 ? Nargs.Optional : Nargs.One;
            actions.Add(new ArgAction([], argument.Name, ActionKind.Store, nargs, argument.HelpName, meta.Choices, meta.Type, null, argument.Description, argument));
        }
        return new ArgParser(prog, SplitExitCodes(command.Description).Description, epilog, actions.ToImmutable(), []);
    }

    /// <summary>
    /// A verb may end its description with ". Exit codes: ..." (docs/commands.md shows it); barman's help shows only the
    /// description, so the exit codes are cut off here and printed as the help's closing line instead.
    /// </summary>
    public static (string? Description, string? ExitCodes) SplitExitCodes(string? description)
    {
        const string marker = "Exit codes:";
        var at = description?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return (description, null);
        }
        var text = description![..at].TrimEnd();
        // The sentence was joined with ". "; barman's own text may not end with a period.
        return (text.EndsWith('.') ? text[..^1] : text, description[at..].Trim());
    }

    private static ArgAction FromOption(Option option)
    {
        var strings = OptionStrings(option);
        var meta = ArgparseMeta.Of(option);
        var dest = (strings.FirstOrDefault(s => s.StartsWith("--", StringComparison.Ordinal)) ?? strings[0]).TrimStart('-').Replace('-', '_');
        if (option.ValueType == typeof(bool))
        {
            return new ArgAction(strings, dest, ActionKind.Flag, Nargs.Zero, null, null, null, null, option.Description, option, option.Hidden);
        }
        var kind = option.ValueType.IsArray ? ActionKind.Append : ActionKind.Store;
        var nargs = option.Arity.MinimumNumberOfValues == 0 && kind == ActionKind.Store ? Nargs.Optional : Nargs.One;
        return new ArgAction(strings, dest, kind, nargs, option.HelpName, meta.Choices, meta.Type, meta.Const, option.Description, option, option.Hidden);
    }

    /// <summary>The option strings in declaration order: the name first, then the aliases as added.</summary>
    private static ImmutableArray<string> OptionStrings(Option option) => [option.Name, .. option.Aliases];
}
