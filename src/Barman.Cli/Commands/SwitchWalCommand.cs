// The `switch-wal` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class SwitchWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name target of the switch-wal command");
        var force = new Option<bool>("--force") { Description = "forces the switch of a WAL by executing a checkpoint before" };
        var archive = new Option<bool>("--archive") { Description = "wait for one WAL file to be archived" };
        var archiveTimeout = new Option<int?>("--archive-timeout") { Description = "the time, in seconds, the archiver will wait for a new WAL file to be archived before timing out", HelpName = "TIMEOUT" }.Checked(ArgTypes.NonNegative);
        var command = new Command("switch-wal", "Execute the switch-wal command on the target server");
        command.Aliases.Add("switch-xlog");
        command.Add(servers);
        command.Add(force);
        command.Add(archive);
        command.Add(archiveTimeout);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var request = new SwitchWalRequest(parse.GetValue(force), parse.GetValue(archive), parse.GetValue(archiveTimeout) ?? 30);
            foreach (var s in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                await new WalSwitcher(s, inv.Output, inv.Clock).RunAsync(request, token);
            }
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
