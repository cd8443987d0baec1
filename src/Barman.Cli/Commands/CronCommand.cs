// The `cron` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Cron;

namespace Barman.Cli.Commands;

internal static class CronCommand
{
    public static Command Create(CliContext ctx)
    {
        var keepDescriptors = new Option<bool>("--keep-descriptors") { Description = "Keep the stdout and the stderr streams attached to Barman subprocesses" };
        var command = new Command("cron", "Run maintenance tasks (global command)");
        command.Add(keepDescriptors);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var launcher = new BarmanSubprocessLauncher(inv.Runner, SelfCommand(), inv.Config.ConfigFile, parse.GetValue(keepDescriptors));
            await new CronRunner(inv.Config, inv.Output, launcher, new BackupInfoStatusCatalog()).RunAsync(token);
            return 0;
        }, ct));
        return command;
    }

    /// <summary>How to run this very barman again: the native binary, or dotnet + barman.dll under the host.</summary>
    private static IReadOnlyList<string> SelfCommand()
    {
        if (Environment.GetEnvironmentVariable("BARMAN_EXECUTABLE") is { Length: > 0 } configured)
        {
            return [configured];
        }
        var path = Environment.ProcessPath ?? "barman";
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? [path, Path.Combine(AppContext.BaseDirectory, "barman.dll")]
            : [path];
    }
}
