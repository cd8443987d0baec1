// What recovery needs to know about one base backup, independent of how the catalog stores it.
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Catalog;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>A tablespace of the backup: PostgreSQL name, OID (its pg_tblspc link) and original location.</summary>
public sealed record TablespaceSource(string Name, uint Oid, string Location);

/// <summary>
/// One DONE backup as recovery sees it, built from the catalog's <see cref="BackupInfo"/> (<see cref="FromCatalog"/>).
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
    /// <summary>backup_compression of the backup (gzip, lz4, zstd): its data/ holds base.tar.* and &lt;oid&gt;.tar.*.</summary>
    public string? Compression { get; init; }

    /// <summary>From the catalog's record of a DONE backup (the catalog resolved the selector).</summary>
    public static RecoverySource FromCatalog(BackupInfo info, string backupDirectory)
    {
        var path = Path.Combine(backupDirectory, "backup.info");
        T Need<T>(T? value, string key) where T : struct =>
            value ?? throw new RecoveryException($"{path}: missing value for '{key}'");
        string NeedText(string? value, string key) =>
            value ?? throw new RecoveryException($"{path}: missing value for '{key}'");
        return new RecoverySource(
            info.BackupId,
            NeedText(info.ServerName, "server_name"),
            backupDirectory,
            Path.Combine(backupDirectory, "data"),
            NeedText(info.BeginWal, "begin_wal"),
            NeedText(info.EndWal, "end_wal"),
            Need(info.BeginTime, "begin_time"),
            Need(info.EndTime, "end_time"),
            (uint)Need(info.Timeline, "timeline"),
            Need(info.Version, "version"),
            info.XlogSegmentSize ?? (16L << 20),
            info.Pgdata,
            info.ConfigFile,
            info.HbaFile,
            info.IdentFile,
            [.. info.Tablespaces.Select(t => new TablespaceSource(t.Name, checked((uint)t.Oid), t.Location))],
            File.ReadAllText(path))
        {
            Compression = info.Compression,
        };
    }

    /// <summary>Where the compressed archive of the data directory or of a tablespace lives (barman's names).</summary>
    public string CompressedArchive(string baseName) => Path.Combine(DataDirectory, $"{baseName}.{CompressedExtension(Compression!)}");

    /// <summary>pg_basebackup's suffixes: tar.gz, tar.lz4, tar.zst.</summary>
    public static string CompressedExtension(string compression) => compression switch
    {
        "gzip" => "tar.gz",
        "lz4" => "tar.lz4",
        "zstd" => "tar.zst",
        _ => throw new RecoveryException($"Unexpected compression format: {compression}"),
    };

    internal static string OidText(TablespaceSource t) => t.Oid.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the copy of a tablespace lives inside the backup (barman: base/&lt;id&gt;/&lt;oid&gt;).</summary>
    public string TablespaceDirectory(TablespaceSource tablespace) =>
        Path.Combine(BackupDirectory, tablespace.Oid.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
