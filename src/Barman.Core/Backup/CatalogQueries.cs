// The read-only catalog verbs: list-backup and show-backup results built from one CatalogView.
using System.Collections.Immutable;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Output;
using Barman.Core.Retention;

namespace Barman.Core.Backup;

/// <summary>Builds list-backup and show-backup results.</summary>
public static class CatalogQueries
{
    /// <summary>list-backup for one server: every backup (any status), newest first, sizes as barman computes them.</summary>
    public static ListBackupResult ListBackups(ServerConfig server, bool minimal, TimeProvider clock, IOutput output)
    {
        var view = CatalogView.Load(server, clock, keepAnnotations: true);
        Warn(view, output);
        var rows = ImmutableArray.CreateBuilder<BackupListRow>(view.Catalog.Backups.Length);
        for (var i = view.Catalog.Backups.Length - 1; i >= 0; i--)
        {
            var b = view.Catalog.Backups[i];
            long size = b.Size ?? 0, walSize = 0;
            string? tag = null;
            if (BackupCatalog.CopyDone.Contains(b.Status))
            {
                var wal = minimal ? BackupWalInfo.Empty : view.WalInfo(b);
                size += wal.WalSize;
                walSize = wal.UntilNextSize;
                var status = view.RetentionStatusOf(b);
                tag = status is null or RetentionStatus.Valid or RetentionStatus.None ? null : status;
            }
            rows.Add(new BackupListRow(b, b.ServerName ?? server.Name, size, walSize, tag));
        }
        return new ListBackupResult(server.Name, minimal, rows.MoveToImmutable());
    }

    /// <summary>show-backup: the selected backup with WAL statistics, retention word and neighbours.</summary>
    public static ShowBackupResult ShowBackup(ServerConfig server, string selector, TimeProvider clock, IOutput output)
    {
        var view = CatalogView.Load(server, clock);
        Warn(view, output);
        var b = view.Catalog.Resolve(selector);
        if (!BackupCatalog.CopyDone.Contains(b.Status))
        {
            return new ShowBackupResult(server.Name, b, BackupWalInfo.Empty, null, null, null);
        }
        var wal = view.WalInfo(b);
        if (b.Timeline is { } timeline)
        {
            wal = wal with { ChildTimelines = TimelineHistory.ChildrenOf(server.WalsDirectory, timeline, b.EndXlog) };
        }
        return new ShowBackupResult(server.Name, b, wal, view.RetentionStatusOf(b), view.Previous(b)?.BackupId, view.Next(b)?.BackupId)
        {
            RestoreTest = Recovery.RestoreTestAnnotation.Read(Path.Combine(server.BaseBackupsDirectory, b.BackupId)),
        };
    }

    internal static void Warn(CatalogView view, IOutput output)
    {
        foreach (var w in view.Catalog.Warnings)
        {
            output.Warning(w);
        }
    }
}
