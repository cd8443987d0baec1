// Typed results of the catalog verbs (list-backup, show-backup) handed to the output port.
using System.Collections.Immutable;
using Barman.Core.Catalog;

namespace Barman.Core.Output;

/// <summary>One list-backup line: the backup, its size with its own WAL, the WAL up to the next backup, the tag word.</summary>
/// <param name="RetentionStatus">The retention word, null when VALID or not enforced (barman prints nothing then).</param>
public sealed record BackupListRow(BackupInfo Info, string ServerName, long SizeBytes, long WalSizeBytes, string? RetentionStatus);

/// <summary>All list-backup lines of one server, newest first.</summary>
public sealed record ListBackupResult(string Server, bool Minimal, ImmutableArray<BackupListRow> Rows);

/// <summary>Everything show-backup prints about one backup.</summary>
/// <param name="RetentionStatus">The retention word, or null when retention is not enforced ("not enforced").</param>
/// <param name="PreviousId">The previous backup id, null for the oldest.</param>
/// <param name="NextId">The next backup id, null for the latest.</param>
public sealed record ShowBackupResult(string Server, BackupInfo Info, BackupWalInfo Wal, string? RetentionStatus, string? PreviousId, string? NextId)
{
    /// <summary>The backup's last restore test (an extension: shown only when one was recorded).</summary>
    public Recovery.RestoreTestAnnotation? RestoreTest { get; init; }
}
