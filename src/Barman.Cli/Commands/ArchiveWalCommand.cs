// The `archive-wal` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class ArchiveWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var command = new Command("archive-wal", "Execute maintenance operations on WAL files for a given server. This command processes any incoming WAL files for the server and archives them along the catalogue.");
        command.Add(server);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("archive-wal")));
        return command;
    }
}
