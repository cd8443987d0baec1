// The `check` verb: runs the check engine for each server (or all) and prints console, JSON or Nagios output.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Output;
using Barman.Core.Checks;
using Barman.Core.Retention;

namespace Barman.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server names to check ('all' will check all available servers)");
        var nagios = new Option<bool>("--nagios") { Description = "Nagios plugin compatible output" };
        var retentionPolicy = new Option<bool>("--retention-policy") { Description = "show the retention policy status of every backup and what the next cron would delete (extension)", Hidden = true };
        var command = new Command("check", "Check if the server configuration is working. This command returns success if every checks pass, or failure if any of these fails");
        command.Add(servers);
        command.Add(nagios);
        command.Add(retentionPolicy);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            if (parse.GetValue(retentionPolicy))
            {
                return ShowRetention(inv, parse.GetValue(servers)!);
            }
            var resolved = inv.ResolveServers(parse.GetValue(servers)!, out var reportErrors);
            var failed = false;
            foreach (var server in resolved)
            {
                var result = await ServerChecker.RunAsync(server, inv.Runner, inv.Clock, token);
                // An inactive server is checked and printed, but its failures do not fail the command.
                failed |= !result.Ok && !result.Inactive;
                inv.Output.ResultCheck(result);
            }
            reportErrors();
            // The Nagios writer (picked by CliContext for --nagios) prints at Close(); CRITICAL exits 2.
            if (inv.Output is NagiosOutput nagiosOutput)
            {
                return nagiosOutput.Critical ? 2 : 0;
            }
            return failed || inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }

    /// <summary>Our extension: the policy in force and, per backup, what the next cron would do. Changes nothing.</summary>
    private static int ShowRetention(Invocation inv, string[] names)
    {
        var resolved = inv.ResolveServers(names, out var reportErrors);
        foreach (var server in resolved)
        {
            var report = RetentionReport.Build(server, inv.Clock);
            if (inv.Output is JsonOutput)
            {
                inv.Output.ResultDocument(server.Name, report.ToJson());
                continue;
            }
            foreach (var line in report.ConsoleLines())
            {
                inv.Output.Info(line);
            }
        }
        reportErrors();
        return inv.Output.HasErrors ? 1 : 0;
    }
}
