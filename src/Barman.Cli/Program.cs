// Entry point: parse, report usage errors as argparse does (exit 2), run the verb.
using System.CommandLine;
using Barman.Cli.Commands;
using Barman.Cli.Hosting;

namespace Barman.Cli;

internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System);

    /// <summary>Runs one command line; tests call this in-process with their own writers and clock.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var ctx = new CliContext(stdout, stderr, clock);
        var root = CommandTree.Build(ctx);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !parse.GetValue(GlobalOptions.Version))
        {
            UsageErrors.Print(parse, stderr);
            return 2;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }
}
