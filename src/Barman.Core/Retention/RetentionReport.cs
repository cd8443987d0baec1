// Data for `check SRV --retention-policy` (ours, not in barman 3.4): the policy, each backup's retention status, whether the
// next cron would delete it and the WAL that would go with it. A dry run of RetentionEnforcer: nothing is changed.
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Wal;

namespace Barman.Core.Retention;

/// <summary>One backup in the report.</summary>
public sealed record RetentionReportRow(string BackupId, string BackupStatus, string RetentionStatus, string Reason, bool DeletedByNextCron, ImmutableArray<string> WalToRemove);

/// <summary>The retention policy in force on a server and what the next cron would do with each backup.</summary>
public sealed record RetentionReport(string Server, string Policy, int MinimumRedundancy, ImmutableArray<RetentionReportRow> Rows)
{
    /// <summary>Computes the report (reads the catalog and xlog.db; writes nothing).</summary>
    public static RetentionReport Build(ServerConfig server, TimeProvider clock)
    {
        var catalog = BackupCatalog.Load(server);
        var policy = server.RetentionPolicy;
        if (policy is null)
        {
            return new RetentionReport(server.Name, server.Get("retention_policy") is null ? "not enforced" : "invalid (not enforced)",
                server.MinimumRedundancy, [.. catalog.Backups.Reverse().Select(b => new RetentionReportRow(b.BackupId, b.Status, "-", "no retention policy", false, []))]);
        }
        var verdicts = RetentionCalculator.Apply(RetentionCalculator.Candidates(catalog), policy, server.MinimumRedundancy, clock.GetLocalNow());
        var remaining = catalog.Backups.ToList();
        var wals = WalArchiveIndex.Load(server).Entries.ToList();
        var deletions = new Dictionary<string, (bool Deleted, string Why, ImmutableArray<string> Wal)>(StringComparer.Ordinal);
        foreach (var id in verdicts.Keys.Where(k => verdicts[k].Status == RetentionStatus.Obsolete).Order(StringComparer.Ordinal))
        {
            var done = remaining.Count(b => b.Status == BackupInfo.StatusDone);
            if (server.MinimumRedundancy >= done)
            {
                deletions[id] = (false, $"; kept by minimum_redundancy {server.MinimumRedundancy} ({done} DONE backups left)", []);
                continue;
            }
            var backup = remaining.First(b => b.BackupId == id);
            var removed = WalThatGoes(server, catalog, remaining, backup, wals);
            wals.RemoveAll(e => removed.Contains(e.Name));
            remaining.Remove(backup);
            deletions[id] = (true, string.Empty, removed);
        }
        var rows = catalog.Backups.Reverse().Select(b =>
        {
            var v = verdicts[b.BackupId];
            var d = deletions.GetValueOrDefault(b.BackupId);
            return new RetentionReportRow(b.BackupId, b.Status, v.Status, v.Reason + (d.Why ?? string.Empty), d.Deleted, d.Wal.IsDefault ? [] : d.Wal);
        });
        return new RetentionReport(server.Name, policy.ToString()!, server.MinimumRedundancy, [.. rows]);
    }

    // The WAL BackupDeleter would remove for this backup in a retention run, given the backups still there.
    private static ImmutableArray<string> WalThatGoes(ServerConfig server, BackupCatalog catalog, List<BackupInfo> remaining, BackupInfo backup, List<XlogDbEntry> wals)
    {
        var copyDone = remaining.Where(b => BackupCatalog.CopyDone.Contains(b.Status)).ToList();
        var ranges = new List<(string, string)>();
        foreach (var previous in copyDone.Where(b => string.CompareOrdinal(b.BackupId, backup.BackupId) < 0).Reverse())
        {
            if (catalog.KeepTarget(previous.BackupId) != KeepAnnotation.Standalone)
            {
                return [];
            }
            ranges.Add((previous.BeginWal ?? string.Empty, previous.EndWal ?? string.Empty));
        }
        var next = copyDone.FirstOrDefault(b => string.CompareOrdinal(b.BackupId, backup.BackupId) > 0);
        var removeUntil = next ?? (server.BackupMethod == "postgres" ? backup : null);
        var timelines = new HashSet<uint>();
        if (removeUntil is not null)
        {
            foreach (var b in remaining.Where(b => b.BackupId != backup.BackupId && b.Status != BackupInfo.StatusFailed && b.Timeline is not null))
            {
                timelines.Add((uint)b.Timeline!.Value);
            }
            timelines.Remove((uint)(removeUntil.Timeline ?? 0));
        }
        return [.. wals.Where(e => WalSegmentName.TryParse(e.Name, out var n) && !WalPruner.Keep(e.Name, n, removeUntil, timelines, ranges)).Select(e => e.Name)];
    }

    /// <summary>Console form: the policy line, then one line per backup (newest first) and its WAL, tab-indented.</summary>
    public IEnumerable<string> ConsoleLines()
    {
        yield return $"Server {Server}:";
        yield return $"\tRetention policy: {Policy} (minimum redundancy: {MinimumRedundancy.ToString(CultureInfo.InvariantCulture)})";
        foreach (var r in Rows)
        {
            var verdict = r.DeletedByNextCron ? "deleted by next cron" : "kept by next cron";
            yield return $"\t{r.BackupId} {r.BackupStatus} {r.RetentionStatus}: {verdict} ({r.Reason})";
            foreach (var w in r.WalToRemove)
            {
                yield return "\t\t" + w;
            }
        }
    }

    /// <summary>JSON form, keyed by the caller under the server name.</summary>
    public JsonObject ToJson() => new()
    {
        ["retention_policy"] = Policy,
        ["minimum_redundancy"] = MinimumRedundancy,
        ["backups"] = new JsonArray([.. Rows.Select(r => (JsonNode)new JsonObject
        {
            ["backup_id"] = r.BackupId,
            ["status"] = r.BackupStatus,
            ["retention_status"] = r.RetentionStatus,
            ["reason"] = r.Reason,
            ["deleted_by_next_cron"] = r.DeletedByNextCron,
            ["wal_to_remove"] = new JsonArray([.. r.WalToRemove.Select(w => (JsonNode)JsonValue.Create(w))]),
        })]),
    };
}
