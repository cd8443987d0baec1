// The retention step of cron: deletes every OBSOLETE backup, oldest first, with barman's messages.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Output;

namespace Barman.Core.Retention;

/// <summary>One Core call for cron: enforce the server's retention policy now.</summary>
public static class RetentionEnforcer
{
    /// <summary>
    /// When a valid retention policy is set (mode auto), deletes the backups it reports OBSOLETE, printing
    /// <c>Enforcing retention policy: removing backup &lt;id&gt; for server &lt;srv&gt;</c> before each delete's own lines.
    /// KEEP:* and OBSOLETE* backups are never deleted. Returns the ids deleted.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnforceAsync(ServerConfig server, IOutput output, TimeProvider clock, CancellationToken ct = default)
    {
        var policy = server.RetentionPolicy;
        if (policy is null || !string.Equals(server.Get("retention_policy_mode") ?? "auto", "auto", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        var catalog = BackupCatalog.Load(server);
        var verdicts = RetentionCalculator.Apply(RetentionCalculator.Candidates(catalog), policy, server.MinimumRedundancy, clock.GetLocalNow());
        var deleted = new List<string>();
        foreach (var id in verdicts.Keys.Order(StringComparer.Ordinal))
        {
            if (verdicts[id].Status != RetentionStatus.Obsolete)
            {
                continue;
            }
            output.Info($"Enforcing retention policy: removing backup {id} for server {server.Name}");
            // Each delete sees the catalog as the previous ones left it (minimum_redundancy, WAL ranges).
            var current = BackupCatalog.Load(server);
            if (current.Find(id) is { } backup && await BackupDeleter.DeleteAsync(current, backup, output, clock, forRetention: true, ct))
            {
                deleted.Add(id);
            }
        }
        return deleted;
    }
}
