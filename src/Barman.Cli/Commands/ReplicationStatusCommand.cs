// The `replication-status` verb: streaming clients of each server (full, --minimal, JSON), filtered by --target.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Cli.Output;
using Barman.Core.Errors;
using Barman.Core.Servers;

namespace Barman.Cli.Commands;

internal static class ReplicationStatusCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command ('all' will show all available servers)");
        var minimal = new Option<bool>("--minimal") { Description = "machine readable output" };
        var target = new Option<string>("--target") { Description = "Possible values are: 'hot-standby' (only hot standby servers), 'wal-streamer' (only WAL streaming clients, such as pg_receivewal), 'all' (any of them). Defaults to all", DefaultValueFactory = _ => "all" };
        target.Choices("all", "hot-standby", "wal-streamer");
        var command = new Command("replication-status", "Shows live information and status of any streaming client");
        command.Add(servers);
        command.Add(minimal);
        command.Add(target);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var isMinimal = parse.GetValue(minimal);
            foreach (var server in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                var report = await ReplicationStatus.FetchAsync(server, parse.GetValue(target) ?? "all", token);
                if (report is null)
                {
                    inv.Output.Error($"Unable to connect to server {server.Name}");
                }
                else if (inv.Output is JsonOutput)
                {
                    inv.Output.ResultDocument(server.Name, ReplicationStatusView.Json(report, isMinimal));
                }
                else
                {
                    ReplicationStatusView.ConsoleLines(report, isMinimal).ForEach(inv.Output.Info);
                }
            }
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
