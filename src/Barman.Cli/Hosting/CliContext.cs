// One invocation's wiring: loads the config, drops to barman_user, starts logging, picks the output writer,
// runs a verb body and maps exceptions to barman's messages and exit codes.
using System.CommandLine;
using Barman.Cli.Output;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Logging;
using Barman.Core.Output;
using Barman.Core.Processes;

namespace Barman.Cli.Hosting;

/// <summary>Everything a verb handler gets: config, output, clock, process runner.</summary>
internal sealed record Invocation(GlobalConfig Config, IOutput Output, TimeProvider Clock, IProcessRunner Runner, ParseResult Parse)
{
    /// <summary>
    /// Resolves server arguments as barman does: <c>all</c> = every server (alphabetical); unknown names are
    /// reported as errors; <c>all</c> mixed with names is an error reported after the output.
    /// </summary>
    public IReadOnlyList<ServerConfig> ResolveServers(IReadOnlyList<string> names, out Action reportErrors)
    {
        var errors = new List<string>();
        IReadOnlyList<ServerConfig> result;
        if (names.Contains("all"))
        {
            result = [.. Config.Servers.Values];
            if (names.Any(n => n != "all"))
            {
                errors.Add("You cannot use 'all' with other server names");
            }
        }
        else
        {
            var found = new List<ServerConfig>();
            foreach (var name in names.Distinct(StringComparer.Ordinal))
            {
                if (Config.Servers.TryGetValue(name, out var server))
                {
                    found.Add(server);
                }
                else
                {
                    errors.Add($"Unknown server '{name}'");
                }
            }
            result = [.. found.OrderBy(s => s.Name, StringComparer.Ordinal)];
        }
        var output = Output;
        reportErrors = () => errors.ForEach(output.Error);
        return result;
    }

    /// <summary>One server by name, or a <see cref="BarmanException"/> naming it.</summary>
    public ServerConfig Server(string name) =>
        Config.Servers.TryGetValue(name, out var server) ? server : throw new BarmanException($"Unknown server '{name}'");
}

/// <summary>Creates an <see cref="Invocation"/> per command run. Stdout/stderr are injectable for in-process tests.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, TimeProvider clock, IProcessRunner? runner = null)
{
    /// <summary>
    /// barman connects for every command when backup_compression is set, to validate it against the server's version.
    /// We do it only where the verdict is shown or decides the outcome: get-wal (restore_command during a disaster),
    /// archive-wal and cron must never wait on an unreachable PostgreSQL.
    /// </summary>
    private static readonly HashSet<string> VerbsShowingRemoteConfigErrors =
        new(StringComparer.Ordinal) { "check", "show-servers", "list-servers", "status", "backup", "diagnose" };

    public TextWriter Stdout => stdout;

    public TextWriter Stderr => stderr;

    /// <summary>Runs a synchronous verb body.</summary>
    public int Run(ParseResult parse, Func<Invocation, int> body) =>
        RunAsync(parse, (inv, _) => Task.FromResult(body(inv)), CancellationToken.None).GetAwaiter().GetResult();

    private static bool IsNagios(ParseResult parse) =>
        parse.CommandResult.Command.Options.Any(o => o.Name == "--nagios") && parse.GetValue<bool>("--nagios");

    /// <summary>Runs a verb body with config, logging and output set up, mapping failures to exit codes.</summary>
    public async Task<int> RunAsync(ParseResult parse, Func<Invocation, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var json = parse.GetValue(GlobalOptions.Format) == "json";
        // check --nagios replaces the writer for the whole run: barman's Nagios writer prints no warnings either.
        IOutput output = IsNagios(parse) ? new NagiosOutput(stdout) : json ? new JsonOutput(stdout) : new ConsoleOutput(stdout, stderr, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(GlobalOptions.Debug));
        // Looked up at each use: a logger taken before Logging.Start would keep writing to the silent default one.
        static Serilog.ILogger Log(string module = "barman.cli") => BarmanLog.For(module);
        try
        {
            var path = ConfigLoader.Locate(parse.GetValue(GlobalOptions.Config), Environment.GetEnvironmentVariable("HOME"));
            var config = ConfigLoader.Load(path);
            RunAsUser.Ensure(config.BarmanUser);
            var level = parse.GetValue(GlobalOptions.LogLevel) ?? config.LogLevel;
            if (Logging.Start(config.LogFile, level) is { } logWarning)
            {
                output.Warning(logWarning);
            }
            foreach (var warning in config.Warnings)
            {
                output.Warning(warning);
            }
            foreach (var warning in config.LogWarnings)
            {
                Log("barman.config").WarningLine(warning);
            }
            var processes = runner ?? new ProcessRunner(clock);
            if (VerbsShowingRemoteConfigErrors.Contains(parse.CommandResult.Command.Name))
            {
                config = await RemoteConfigValidation.ApplyAsync(config, processes, ct);
            }
            var invocation = new Invocation(config, output, clock, processes, parse);
            var code = await body(invocation, ct);
            output.Close();
            return code;
        }
        catch (PlainMessageException e)
        {
            stderr.WriteLine(e.Message);
            return e.ExitCode;
        }
        catch (FatalConfigurationException e)
        {
            stderr.WriteLine("FATAL: " + e.Message);
            return e.ExitCode;
        }
        catch (BarmanException e)
        {
            Log().ErrorLine(e.Message);
            output.Error(e.Message);
            output.Close();
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            output.Close();
            return 130;
        }
        catch (Exception e)
        {
            Log().ErrorLine("EXCEPTION: " + e.Message, e);
            if (json)
            {
                output.Error("EXCEPTION: " + e.Message);
                output.Close();
            }
            else
            {
                stderr.WriteLine("EXCEPTION: " + e.Message);
                stderr.WriteLine("See log file for more details.");
            }
            return 1;
        }
        finally
        {
            Logging.Stop();
        }
    }
}
