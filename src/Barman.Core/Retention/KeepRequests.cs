// keep: show, add or release a backup's keep request (annotations/keep).
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Output;

namespace Barman.Core.Retention;

/// <summary>barman keep --status / --target / --release.</summary>
public static class KeepRequests
{
    /// <summary>The keep status row barman prints (<c>Keep: nokeep|full|standalone</c>).</summary>
    public static StatusResult Status(ServerConfig server, string selector)
    {
        var catalog = BackupCatalog.Load(server);
        var backup = catalog.Resolve(selector);
        return new StatusResult(server.Name, [new StatusRow("keep_status", "Keep", catalog.KeepTarget(backup.BackupId) ?? "nokeep")]);
    }

    /// <summary>Adds a keep request; only DONE backups can be kept.</summary>
    public static void Keep(ServerConfig server, string selector, string target)
    {
        if (target is not (KeepAnnotation.Full or KeepAnnotation.Standalone))
        {
            throw new BarmanException($"Unsupported recovery target: {target}");
        }
        var catalog = BackupCatalog.Load(server);
        var backup = catalog.Resolve(selector);
        if (backup.Status != BackupInfo.StatusDone)
        {
            throw new BarmanException($"Cannot add keep to backup {backup.BackupId} because it has status {backup.Status}. "
                + "Only backups with status DONE can be kept.");
        }
        KeepAnnotation.Write(catalog.DirectoryOf(backup.BackupId), target);
    }

    /// <summary>Removes the keep request (no error when there is none).</summary>
    public static void Release(ServerConfig server, string selector)
    {
        var catalog = BackupCatalog.Load(server);
        KeepAnnotation.Release(catalog.DirectoryOf(catalog.Resolve(selector).BackupId));
    }
}
