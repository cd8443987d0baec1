// Retention as a pure function of (backups, policy, minimum_redundancy, now): the status of every backup with a reason.
using System.Globalization;
using Barman.Core.Catalog;
using Barman.Core.Configuration;

namespace Barman.Core.Retention;

/// <summary>
/// Classifies backups as barman 3.4's retention policies do. Only DONE backups are classified; newest first.
/// REDUNDANCY N: the N newest DONE backups are VALID (N raised to minimum_redundancy), keep requests count towards N.
/// RECOVERY WINDOW: backups up to and including the first one that ended before the point of recoverability are VALID;
/// older ones are OBSOLETE, or OBSOLETE* while fewer than minimum_redundancy backups have been kept. A month is 31 days.
/// </summary>
public static class RetentionCalculator
{
    /// <summary>Barman's point of recoverability: now minus the window (months are 31 days, as in barman).</summary>
    public static DateTimeOffset PointOfRecoverability(RetentionPolicy.RecoveryWindow window, DateTimeOffset now) => window.Unit switch
    {
        WindowUnit.Days => now - TimeSpan.FromDays(window.Count),
        WindowUnit.Weeks => now - TimeSpan.FromDays(7 * window.Count),
        _ => now - TimeSpan.FromDays(31 * window.Count),
    };

    /// <summary>The verdict of every candidate, keyed by backup id.</summary>
    /// <remarks>A read-only wrapped Dictionary: an ImmutableDictionary cost a fifth of list-backup at 3,000 backups.</remarks>
    public static IReadOnlyDictionary<string, RetentionVerdict> Apply(
        IEnumerable<RetentionCandidate> backups, RetentionPolicy policy, int minimumRedundancy, DateTimeOffset now)
    {
        var newestFirst = backups.OrderByDescending(b => b.BackupId, StringComparer.Ordinal).ToList();
        return policy switch
        {
            RetentionPolicy.Redundancy r => Redundancy(newestFirst, r.Count, minimumRedundancy),
            RetentionPolicy.RecoveryWindow w => Window(newestFirst, PointOfRecoverability(w, now), minimumRedundancy),
            _ => throw new ArgumentException("unknown retention policy", nameof(policy)),
        };
    }

    /// <summary>Candidates built from a catalog (keep requests read once per backup).</summary>
    public static IEnumerable<RetentionCandidate> Candidates(BackupCatalog catalog) =>
        catalog.Backups.Select(b => new RetentionCandidate(b.BackupId, b.Status, b.EndTime,
            b.Status == BackupInfo.StatusDone ? catalog.KeepTarget(b.BackupId) : null));

    /// <summary>
    /// A keep request overrides the policy's word for its own backup only (it counts as a kept backup either way, so the
    /// other backups' verdicts do not depend on it): a catalog view applies it when a backup's status is asked for.
    /// </summary>
    public static RetentionVerdict WithKeep(RetentionVerdict verdict, string? keepTarget) =>
        KeepWord(keepTarget) is { } keep ? verdict with { Status = keep, Reason = $"keep request '{keepTarget}'" } : verdict;

    private static string? KeepWord(string? target) => target switch
    {
        null => null,
        KeepAnnotation.Standalone => RetentionStatus.KeepStandalone,
        _ => RetentionStatus.KeepFull, // any other target is treated as full, for safety
    };

    private static IReadOnlyDictionary<string, RetentionVerdict> Redundancy(List<RetentionCandidate> newestFirst, int count, int minimum)
    {
        var redundancy = Math.Max(count, minimum);
        var result = new Dictionary<string, RetentionVerdict>(newestFirst.Count, StringComparer.Ordinal);
        var seen = 0;
        foreach (var b in newestFirst)
        {
            if (b.Status != BackupInfo.StatusDone)
            {
                result[b.BackupId] = new(b.BackupId, RetentionStatus.None, $"status {b.Status} is not classified");
                continue;
            }
            var ordinal = (seen + 1).ToString(CultureInfo.InvariantCulture);
            result[b.BackupId] = WithKeep(
                seen < redundancy
                    ? new(b.BackupId, RetentionStatus.Valid, $"DONE backup number {ordinal} of the {redundancy} to keep")
                    : new(b.BackupId, RetentionStatus.Obsolete, $"DONE backup number {ordinal}, beyond the {redundancy} to keep"),
                b.KeepTarget);
            seen++;
        }
        return result.AsReadOnly();
    }

    private static IReadOnlyDictionary<string, RetentionVerdict> Window(List<RetentionCandidate> newestFirst, DateTimeOffset point, int minimum)
    {
        var result = new Dictionary<string, RetentionVerdict>(newestFirst.Count, StringComparer.Ordinal);
        var found = false;
        var valid = 0;
        var pointText = point.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture);
        foreach (var b in newestFirst)
        {
            if (b.Status != BackupInfo.StatusDone)
            {
                result[b.BackupId] = new(b.BackupId, RetentionStatus.None, $"status {b.Status} is not classified");
                continue;
            }
            if (!found)
            {
                result[b.BackupId] = WithKeep(new(b.BackupId, RetentionStatus.Valid, $"needed to recover to any point after {pointText}"), b.KeepTarget);
                valid++;
                // The first backup that ended before the point of recoverability is the last one needed.
                if (b.EndTime is { } end && end < point)
                {
                    found = true;
                }
            }
            else if (valid < minimum)
            {
                result[b.BackupId] = WithKeep(
                    new(b.BackupId, RetentionStatus.PotentiallyObsolete, $"older than {pointText} but kept for minimum_redundancy {minimum}"), b.KeepTarget);
                valid++;
            }
            else
            {
                result[b.BackupId] = WithKeep(
                    new(b.BackupId, RetentionStatus.Obsolete, $"older than {pointText} and not needed by the window"), b.KeepTarget);
            }
        }
        return result.AsReadOnly();
    }
}
