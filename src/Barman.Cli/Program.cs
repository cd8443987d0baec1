// Entry point: parse as barman's argparse does (usage errors → exit 2, -h/-v), then run the verb through System.CommandLine
// (shell completion requests go to System.CommandLine directly).
using System.CommandLine;
using System.Text;
using Barman.Cli.Commands;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        ArgparseUsage.TerminalColumns = TerminalColumns();
        // A buffered stdout: ConsoleOutput flushes progress lines itself, results go out in one write at the end.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        try
        {
            return Run(args, stdout, Console.Error, TimeProvider.System);
        }
        finally
        {
            try
            {
                stdout.Flush();
            }
            catch (IOException)
            {
                // The reader went away (e.g. `| head`): nothing left to tell it.
            }
        }
    }

    /// <summary>The width of the terminal stdout is attached to, as argparse uses it (null when redirected or unknown).</summary>
    private static int? TerminalColumns()
    {
        try
        {
            return !Console.IsOutputRedirected && Console.WindowWidth is > 0 and var columns ? columns : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Runs one command line; tests call this in-process with their own writers and clock.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        var ctx = new CliContext(stdout, stderr, clock);
        if (ShellCompletion.IsRequest(args))
        {
            return ShellCompletion.Run(CommandTree.Build(ctx), args, stdout, stderr);
        }
        // Only the verb the command line names is built (help and usage errors build the ones they list).
        var root = CommandTree.Root();
        var model = ArgparseUsage.LazyModel(root, ctx);
        switch (ArgparseEngine.Parse(model, args))
        {
            case ArgparseOutcome.Help help:
                stdout.Write(ArgparseUsage.Formatter.Help(help.Parser));
                return 0;
            case ArgparseOutcome.Version:
                stdout.Write(BarmanVersion.Line + "\n");
                return 0;
            case ArgparseOutcome.Error error:
                return UsageErrors.Print(error.Parser, error.Message, stderr);
            case ArgparseOutcome.Parsed { Verb: null } bare:
                return BareBarman(root, model, bare, stdout, stderr);
            case ArgparseOutcome.Parsed parsed:
                // Response files (@file) are not an argparse feature: a value starting with '@' stays a value.
                var parse = root.Parse(parsed.CanonicalArgs, new ParserConfiguration { ResponseFileTokenReplacer = null });
                if (parse.Errors.Count > 0)
                {
                    return UsageErrors.Print(model, parse, stderr);
                }
                return parse.Invoke(new InvocationConfiguration
                {
                    Output = stdout,
                    Error = stderr,
                    EnableDefaultExceptionHandler = false,
                    ProcessTerminationTimeout = TerminationTimeout(parse.CommandResult.Command.Name),
                });
            default:
                throw new InvalidOperationException("unknown argparse outcome");
        }
    }

    /// <summary>
    /// How long a verb may take to finish after SIGINT/SIGTERM before System.CommandLine ends the process.
    /// receive-wal must outlive its pg_receivewal, which flushes and closes the .partial on SIGINT (the process
    /// runner kills it after its own 10 s grace period); System.CommandLine's 2 s default would orphan it under load.
    /// The catalog listings only read: no handler at all (the signal's default action ends them), which saves a
    /// fifth of a millisecond per run. get-wal keeps its handler: PostgreSQL aborts recovery when restore_command
    /// dies by a signal other than SIGTERM.
    /// </summary>
    private static TimeSpan? TerminationTimeout(string verb) => verb switch
    {
        "receive-wal" => TimeSpan.FromSeconds(40),
        "list-backups" or "show-backup" or "list-files" or "list-servers" or "show-servers" => null,
        _ => TimeSpan.FromSeconds(2),
    };

    /// <summary>No verb: barman reads the configuration (a missing -c file is still an error), then prints the help.</summary>
    private static int BareBarman(Command root, ArgParser model, ArgparseOutcome.Parsed parsed, TextWriter stdout, TextWriter stderr)
    {
        var parse = root.Parse(parsed.CanonicalArgs, new ParserConfiguration { ResponseFileTokenReplacer = null });
        try
        {
            ConfigLoader.Locate(parse.GetValue(GlobalOptions.Config), Environment.GetEnvironmentVariable("HOME"));
        }
        catch (PlainMessageException e)
        {
            stderr.Write(e.Message + "\n");
            return e.ExitCode;
        }
        stdout.Write(ArgparseUsage.Formatter.Help(model));
        return 0;
    }
}
