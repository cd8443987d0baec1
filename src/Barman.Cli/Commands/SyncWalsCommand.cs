// The `sync-wals` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class SyncWalsCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var command = new Command("sync-wals", "Command that synchronises WAL files from a master to a passive node");
        command.Add(server);
        command.SetAction(parse => ctx.Run(parse, inv => GatedServers.One(inv, parse.GetValue(server)!) is null
            ? GatedServers.RefusedCode(inv)
            : throw new NotImplementedVerbException("sync-wals")));
        return command;
    }
}
