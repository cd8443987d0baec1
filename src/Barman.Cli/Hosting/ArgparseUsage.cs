// The argparse face of the CLI: builds the argparse model from the command tree and renders usage and --help text.
using System.CommandLine;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Hosting;

internal static class ArgparseUsage
{
    private const string ExitCodes = "Exit codes: 0 success, 1 error, 2 usage error";

    /// <summary>Columns of the terminal stdout is attached to (set by Main); null when not a terminal.</summary>
    public static int? TerminalColumns { get; set; }

    public static HelpFormatter Formatter => HelpFormatter.ForEnvironment(TerminalColumns);

    /// <summary>The argparse parsers for <paramref name="root"/>; each verb's help ends with its exit codes (our addition).</summary>
    public static ArgParser Model(Command root) => ArgparseModelBuilder.Build(root, GlobalOptions.Version, VerbEpilog);

    /// <summary>
    /// The parsers for a root built without verbs (<see cref="Commands.CommandTree.Root"/>): a verb is built, and added
    /// to the root for System.CommandLine to bind, only when the command line names it or help lists it.
    /// </summary>
    public static ArgParser LazyModel(Command root, CliContext ctx) =>
        ArgparseModelBuilder.Build(root, GlobalOptions.Version, VerbEpilog, Commands.CommandTree.Verbs.Select(verb =>
            (verb.Name, verb.Aliases, verb.Hidden, (Func<Command>)(() =>
            {
                var command = Commands.CommandTree.Create(verb, ctx);
                root.Subcommands.Add(command);
                return command;
            }))));

    /// <summary>The --help text of the root (<paramref name="verb"/> null) or of a verb or alias.</summary>
    public static string Help(Command root, string? verb)
    {
        var model = Model(root);
        var parser = verb is null ? model : model.FindSubParser(verb)?.Parser ?? model;
        return Formatter.Help(parser);
    }

    /// <summary>The verb's own exit codes when its description states them, else the common ones.</summary>
    private static string VerbEpilog(Command command)
    {
        var exitCodes = ArgparseModelBuilder.SplitExitCodes(command.Description).ExitCodes ?? ExitCodes;
        // --retention-policy is hidden from barman's usage (byte-equal help), so it is announced here.
        return command.Name == "check"
            ? "Extension: --retention-policy shows the retention status of every backup and what the next cron would delete. " + exitCodes
            : exitCodes;
    }
}
