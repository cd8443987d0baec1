// `barman help [VERB]`: the same text as --help.
using System.CommandLine;
using System.CommandLine.Help;
using Barman.Cli.Hosting;

namespace Barman.Cli.Commands;

internal static class HelpCommand
{
    public static Command Create(CliContext ctx)
    {
        var verb = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, Description = "the command to describe" };
        var command = new Command("help", "show this help message and exit") { verb };
        command.SetAction(parse =>
        {
            var root = parse.RootCommandResult.Command;
            var name = parse.GetValue(verb);
            var target = name is null ? root : root.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));
            if (target is null)
            {
                ctx.Stderr.WriteLine($"ERROR: Unknown command '{name}'");
                return 2;
            }
            var args = name is null ? new[] { "--help" } : new[] { target.Name, "--help" };
            return root.Parse(args).Invoke(new InvocationConfiguration { Output = ctx.Stdout, Error = ctx.Stderr });
        });
        return command;
    }
}
