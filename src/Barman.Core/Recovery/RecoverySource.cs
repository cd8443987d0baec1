// What recovery needs to know about one base backup, independent of how the catalog stores it.
using System.Collections.Immutable;

namespace Barman.Core.Recovery;

/// <summary>A tablespace of the backup: PostgreSQL name, OID (its pg_tblspc link) and original location.</summary>
public sealed record TablespaceSource(string Name, uint Oid, string Location);

/// <summary>
/// One DONE backup as recovery sees it. Built today by <see cref="BackupInfoAdapter"/> from backup.info; the
/// catalog's BackupInfo can build it instead without touching the executor.
/// </summary>
public sealed record RecoverySource(
    string BackupId,
    string ServerName,
    string BackupDirectory,
    string DataDirectory,
    string BeginWal,
    string EndWal,
    DateTimeOffset BeginTime,
    DateTimeOffset EndTime,
    uint Timeline,
    int PgVersion,
    long XlogSegmentSize,
    string? Pgdata,
    string? ConfigFile,
    string? HbaFile,
    string? IdentFile,
    ImmutableArray<TablespaceSource> Tablespaces,
    string BackupInfoText)
{
    /// <summary>Where the copy of a tablespace lives inside the backup (barman: base/&lt;id&gt;/&lt;oid&gt;).</summary>
    public string TablespaceDirectory(TablespaceSource tablespace) =>
        Path.Combine(BackupDirectory, tablespace.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
