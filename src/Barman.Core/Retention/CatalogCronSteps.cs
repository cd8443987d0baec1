// The catalog's side of cron (ICronCatalog): WAITING_FOR_WALS backups from the catalog, retention through RetentionEnforcer.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Cron;
using Barman.Core.Output;

namespace Barman.Core.Retention;

/// <summary>What cron asks of the catalog.</summary>
public sealed class CatalogCronSteps(TimeProvider clock) : ICronCatalog
{
    public IReadOnlyList<string> WaitingForWalsBackups(ServerConfig server) =>
        [.. BackupCatalog.Load(server).Backups.Where(b => b.Status == BackupInfo.StatusWaitingForWals).Select(b => b.BackupId)];

    public Task EnforceRetentionAsync(ServerConfig server, IOutput output, CancellationToken ct) =>
        RetentionEnforcer.EnforceAsync(server, output, clock, ct);
}
