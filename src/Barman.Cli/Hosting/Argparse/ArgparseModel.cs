// The argparse view of the command line: parsers with their actions, built from the System.CommandLine tree.
using System.Collections.Immutable;
using System.CommandLine;

namespace Barman.Cli.Hosting.Argparse;

/// <summary>How many strings an action consumes (argparse's nargs).</summary>
internal enum Nargs
{
    /// <summary>A flag (store_true, help, version).</summary>
    Zero,

    /// <summary>Exactly one (nargs=None).</summary>
    One,

    /// <summary>Zero or one ('?').</summary>
    Optional,

    /// <summary>One or more ('+').</summary>
    OneOrMore,

    /// <summary>The sub-command and everything after it (argparse.PARSER).</summary>
    Parser,
}

/// <summary>What happens when an action is seen.</summary>
internal enum ActionKind
{
    Store,
    Append,
    Flag,
    Help,
    Version,
    SubParsers,
}

/// <summary>One argparse action: an option (with option strings) or a positional.</summary>
internal sealed record ArgAction(
    ImmutableArray<string> OptionStrings,
    string Dest,
    ActionKind Kind,
    Nargs Nargs,
    string? Metavar,
    string[]? Choices,
    Func<string, ArgValue>? Type,
    string? Const,
    string? Help,
    Symbol? Symbol,
    bool Suppressed = false)
{
    public bool IsOptional => OptionStrings.Length > 0;

    /// <summary>Positionals that must be present; options and the sub-command (bare `barman` prints help) are not.</summary>
    public bool Required => !IsOptional && Nargs is Nargs.One or Nargs.OneOrMore;

    /// <summary>How argparse names the action in errors: "-c/--config", "server_name", "command".</summary>
    public string DisplayName => IsOptional ? string.Join('/', OptionStrings) : Metavar ?? Dest;
}

/// <summary>
/// A sub-command as the root parser lists it. Its names are known up front; its command and parser are built on
/// first use, so a command line builds only the verb it names.
/// </summary>
internal sealed class SubParser(string name, ImmutableArray<string> aliases, Func<(Command Command, ArgParser Parser)> build)
{
    private (Command Command, ArgParser Parser)? _built;

    public string Name => name;

    public ImmutableArray<string> Aliases => aliases;

    public Command Command => Built.Command;

    public ArgParser Parser => Built.Parser;

    /// <summary>The description shown in the root's help (without the exit codes sentence).</summary>
    public string? Help => ArgparseModelBuilder.SplitExitCodes(Command.Description).Description;

    private (Command Command, ArgParser Parser) Built => _built ??= build();
}

/// <summary>One parser: the root (<c>barman</c>) or a verb (<c>barman backup</c>).</summary>
internal sealed record ArgParser(string Prog, string? Description, string? Epilog, ImmutableArray<ArgAction> Actions, ImmutableArray<SubParser> SubParsers)
{
    public IEnumerable<ArgAction> Optionals => Actions.Where(a => a.IsOptional);

    public IEnumerable<ArgAction> Positionals => Actions.Where(a => !a.IsOptional);

    /// <summary>What usage and help show: argparse leaves out actions declared with help=SUPPRESS.</summary>
    public IEnumerable<ArgAction> Shown => Actions.Where(a => !a.Suppressed);

    public SubParser? FindSubParser(string name) =>
        SubParsers.FirstOrDefault(s => s.Name == name || s.Aliases.Contains(name, StringComparer.Ordinal));
}
