// The `rebuild-xlogdb` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class RebuildXlogDbCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command");
        var command = new Command("rebuild-xlogdb", "Rebuild the WAL file database guessing it from the disk content.");
        command.Add(servers);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            foreach (var s in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                XlogDbRebuilder.Rebuild(s, inv.Output);
            }
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
