// The `archive-wal` verb: archives the server's incoming and streamed WAL files into wals/ and xlog.db.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class ArchiveWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var command = new Command("archive-wal", "Execute maintenance operations on WAL files for a given server. This command processes any incoming WAL files for the server and archives them along the catalogue.");
        command.Add(server);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            await new WalArchiver(config, inv.Output, inv.Clock).RunAsync(token);
            return 0;
        }, ct));
        return command;
    }
}
