// The `rebuild-xlogdb` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class RebuildXlogDbCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command");
        var command = new Command("rebuild-xlogdb", "Rebuild the WAL file database guessing it from the disk content.");
        command.Add(servers);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("rebuild-xlogdb")));
        return command;
    }
}
