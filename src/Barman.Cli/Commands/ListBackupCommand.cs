// The `list-backups` verb: one list-backup result per server (alphabetical), console lines or JSON.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Commands;

internal static class ListBackupCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command ('all' will show all available servers)");
        var minimal = new Option<bool>("--minimal") { Description = "machine readable output" };
        var command = new Command("list-backups", "List available backups for the given server (supports 'all')");
        command.Aliases.Add("list-backup");
        command.Add(servers);
        command.Add(minimal);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            foreach (var server in GatedServers.Many(inv, parse.GetValue(servers)!))
            {
                inv.Output.ResultListBackup(CatalogQueries.ListBackups(server, parse.GetValue(minimal), inv.Clock, inv.Output));
            }
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
