// The `show-servers` verb (+ show-server): every configuration key and remote status value of each server.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Servers;

namespace Barman.Cli.Commands;

internal static class ShowServersCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server names to show ('all' will show all available servers)");
        var command = new Command("show-servers", "Show all configuration parameters for the specified servers");
        command.Aliases.Add("show-server");
        command.Add(servers);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var resolved = inv.ResolveServers(parse.GetValue(servers)!, out var reportErrors);
            foreach (var server in resolved)
            {
                if (ServerGate.Allows(server, inv.Output, GatePolicy.ShowAll))
                {
                    inv.Output.ResultShowServer(await ServerShow.BuildAsync(server, inv.Runner, inv.Clock, token));
                }
            }
            reportErrors();
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
