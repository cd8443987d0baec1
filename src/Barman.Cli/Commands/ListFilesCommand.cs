// The `list-files` verb: one absolute path per line for the chosen --target.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Backup;

namespace Barman.Cli.Commands;

internal static class ListFilesCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var target = new Option<string>("--target") { Description = "Possible values are: data (just the data files), standalone (base backup files, including required WAL files), wal (just WAL files between the beginning of base backup and the following one (if any) or the end of the log) and full (same as data + wal). Defaults to standalone", DefaultValueFactory = _ => "standalone" };
        target.Choices("standalone", "data", "wal", "full");
        var command = new Command("list-files", "List all the files for a single backup");
        command.Add(server);
        command.Add(backupId);
        command.Add(target);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            var kind = Enum.Parse<ListFilesTarget>(parse.GetValue(target)!, ignoreCase: true);
            foreach (var path in BackupFileLister.List(config, parse.GetValue(backupId)!, kind, inv.Output))
            {
                inv.Output.Info(path);
            }
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
