// One command's read of a server: backups, xlog.db and retention status, each computed once (O(backups + WAL)).
using Barman.Core.Configuration;
using Barman.Core.Retention;

namespace Barman.Core.Catalog;

/// <summary>
/// What the query verbs need about one server, read once: the backup catalog, the WAL archive index, the next
/// backup of each backup and the retention verdicts (null when no valid retention policy is configured).
/// </summary>
public sealed class CatalogView
{
    private readonly Dictionary<string, BackupInfo?> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BackupInfo?> _previous = new(StringComparer.Ordinal);

    private CatalogView(BackupCatalog catalog, WalArchiveIndex wals, IReadOnlyDictionary<string, RetentionVerdict>? retention)
    {
        Catalog = catalog;
        Wals = wals;
        Retention = retention;
        BackupInfo? prev = null;
        foreach (var b in catalog.Backups)
        {
            _previous[b.BackupId] = prev;
            if (BackupCatalog.CopyDone.Contains(b.Status))
            {
                prev = b;
            }
        }
        BackupInfo? next = null;
        for (var i = catalog.Backups.Length - 1; i >= 0; i--)
        {
            var b = catalog.Backups[i];
            _next[b.BackupId] = next;
            if (BackupCatalog.CopyDone.Contains(b.Status))
            {
                next = b;
            }
        }
    }

    public BackupCatalog Catalog { get; }

    public WalArchiveIndex Wals { get; }

    /// <summary>Verdicts by backup id before keep requests (see <see cref="RetentionStatusOf"/>), or null when retention policies are not enforced.</summary>
    private IReadOnlyDictionary<string, RetentionVerdict>? Retention { get; }

    /// <param name="keepAnnotations">Every DONE backup's status will be asked for (list-backup): read them with the backups.</param>
    public static CatalogView Load(ServerConfig server, TimeProvider clock, bool keepAnnotations = false) =>
        Of(BackupCatalog.Load(server, keepAnnotations), WalArchiveIndex.Load(server), clock);

    public static CatalogView Of(BackupCatalog catalog, WalArchiveIndex wals, TimeProvider clock)
    {
        var policy = catalog.Server.RetentionPolicy;
        var retention = policy is null
            ? null
            // Without keep requests: each one only changes its own backup's word, applied in RetentionStatusOf, so a
            // show-backup reads one keep annotation instead of one per backup.
            : RetentionCalculator.Apply(
                catalog.Backups.Select(b => new RetentionCandidate(b.BackupId, b.Status, b.EndTime, null)),
                policy,
                catalog.Server.MinimumRedundancy,
                clock.GetLocalNow());
        return new CatalogView(catalog, wals, retention);
    }

    /// <summary>The next copy-done backup (the reference for WAL Size), or null for the latest.</summary>
    public BackupInfo? Next(BackupInfo backup) => _next.GetValueOrDefault(backup.BackupId);

    /// <summary>The previous copy-done backup, or null for the oldest.</summary>
    public BackupInfo? Previous(BackupInfo backup) => _previous.GetValueOrDefault(backup.BackupId);

    /// <summary>WAL statistics of a backup (up to the next backup's end_wal).</summary>
    public BackupWalInfo WalInfo(BackupInfo backup) => Wals.InfoFor(backup, Next(backup));

    /// <summary>The retention word of a backup, or null when retention is not enforced.</summary>
    public string? RetentionStatusOf(BackupInfo backup) =>
        Retention is null ? null
        : !Retention.TryGetValue(backup.BackupId, out var v) ? RetentionStatus.None
        : backup.Status == BackupInfo.StatusDone ? RetentionCalculator.WithKeep(v, Catalog.KeepTarget(backup.BackupId)).Status
        : v.Status;
}
