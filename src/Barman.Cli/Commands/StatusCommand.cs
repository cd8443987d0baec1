// The `status` verb: live PostgreSQL state, archiver stats and catalog summary per server.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Servers;

namespace Barman.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command");
        var command = new Command("status", "Shows live information and status of the PostgreSQL server");
        command.Add(servers);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            foreach (var server in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                inv.Output.ResultStatus(await StatusReport.BuildAsync(server, inv.Runner, token));
            }
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
