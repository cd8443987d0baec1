// The retention words barman prints (list-backup tags, show-backup "Retention Policy", JSON retention_status).
namespace Barman.Core.Retention;

/// <summary>Retention status strings, spelled as barman spells them.</summary>
public static class RetentionStatus
{
    public const string Valid = "VALID";
    public const string Obsolete = "OBSOLETE";

    /// <summary>Outside the window but kept for minimum_redundancy ("potentially obsolete").</summary>
    public const string PotentiallyObsolete = "OBSOLETE*";
    public const string KeepFull = "KEEP:FULL";
    public const string KeepStandalone = "KEEP:STANDALONE";

    /// <summary>Not classified (any status other than DONE).</summary>
    public const string None = "-";
}

/// <summary>One backup as retention sees it: id, status, end time and keep request.</summary>
public sealed record RetentionCandidate(string BackupId, string Status, DateTimeOffset? EndTime, string? KeepTarget);

/// <summary>The verdict for one backup: its status word and why.</summary>
public sealed record RetentionVerdict(string BackupId, string Status, string Reason);
