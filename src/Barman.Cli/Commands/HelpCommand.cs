// `barman help [VERB]`: the root help, or (our extension) the help of one verb.
using System.CommandLine;
using Barman.Cli.Hosting;

namespace Barman.Cli.Commands;

internal static class HelpCommand
{
    public static Command Create(CliContext ctx)
    {
        // Choices (every verb and alias) are set by CommandTree once all verbs exist.
        var verb = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, HelpName = "command", Description = "the command to describe (extension)" };
        var command = new Command("help", "show this help message and exit") { verb };
        command.SetAction(parse =>
        {
            // The whole tree: the root this command line was parsed with holds only the verbs it named.
            ctx.Stdout.Write(ArgparseUsage.Help(CommandTree.Build(ctx), parse.GetValue(verb)));
            return 0;
        });
        return command;
    }
}
