// The `delete` verb: deletes one backup; a refusal ends with barman's 'Cannot delete backup (...)' error, exit 1.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Catalog;
using Barman.Core.Retention;

namespace Barman.Cli.Commands;

internal static class DeleteCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var command = new Command("delete", "Delete a backup");
        command.Add(server);
        command.Add(backupId);
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            var catalog = BackupCatalog.Load(config);
            foreach (var warning in catalog.Warnings)
            {
                inv.Output.Warning(warning);
            }
            var backup = catalog.Resolve(parse.GetValue(backupId)!);
            if (!await BackupDeleter.DeleteAsync(catalog, backup, inv.Output, inv.Clock, forRetention: false, token))
            {
                if (!inv.Output.HasErrors)
                {
                    inv.Output.Error($"Cannot delete backup ({config.Name} {BackupInfoRepr.Repr(backup)})");
                }
                return 1;
            }
            return inv.Output.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }
}
