// The `sync-info` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class SyncInfoCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var lastWal = new Argument<string?>("last_wal") { Arity = ArgumentArity.ZeroOrOne, Description = "specifies the name of the latest WAL read" };
        var lastPosition = new Argument<long?>("last_position") { Arity = ArgumentArity.ZeroOrOne, Description = "the last position read from xlog database (in bytes)" }.Checked(ArgTypes.Positive);
        var primary = new Option<bool>("--primary") { Description = "execute the sync-info on the primary node (if set)" };
        var command = new Command("sync-info", "Output the internal synchronisation status. Used to sync_backup with a passive node");
        command.Add(server);
        command.Add(lastWal);
        command.Add(lastPosition);
        command.Add(primary);
        command.SetAction(parse => ctx.Run(parse, inv => GatedServers.One(inv, parse.GetValue(server)!) is null
            ? GatedServers.RefusedCode(inv)
            : throw new NotImplementedVerbException("sync-info")));
        return command;
    }
}
