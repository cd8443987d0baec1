// Recovery's view of the catalog: resolves recover's backup selector and maps the catalog's BackupInfo to a RecoverySource.
using System.Collections.Immutable;
using Barman.Core.Catalog;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>Builds a <see cref="RecoverySource"/> from base/&lt;id&gt;/backup.info as the catalog reads it.</summary>
public static class BackupInfoAdapter
{
    /// <summary>Finds a DONE backup by id, name or latest/last/oldest/first, as barman resolves recover's backup_id.</summary>
    public static RecoverySource Resolve(string baseBackupsDirectory, string serverName, string selector)
    {
        var done = BackupCatalog.ReadBackups(baseBackupsDirectory).Backups.Where(b => b.Status == BackupInfo.StatusDone).ToList();
        var match = selector switch
        {
            "latest" or "last" => done.LastOrDefault(),
            "oldest" or "first" => done.FirstOrDefault(),
            _ => done.Find(b => b.BackupId == selector) ?? done.Find(b => b.BackupName == selector),
        };
        return match is null
            ? throw new BarmanException($"Unknown backup '{selector}' for server '{serverName}'")
            : From(Path.Combine(baseBackupsDirectory, match.BackupId), match);
    }

    /// <summary>Reads <c>&lt;backupDirectory&gt;/backup.info</c>.</summary>
    public static RecoverySource Read(string backupDirectory)
    {
        var path = Path.Combine(backupDirectory, "backup.info");
        try
        {
            return From(backupDirectory, BackupInfo.Load(path));
        }
        catch (FormatException e)
        {
            throw new RecoveryException($"{path}: {e.Message}");
        }
    }

    private static RecoverySource From(string backupDirectory, BackupInfo info)
    {
        var path = Path.Combine(backupDirectory, "backup.info");
        string Need(string? value, string key) => value ?? throw new RecoveryException($"{path}: missing value for '{key}'");
        T NeedValue<T>(T? value, string key)
            where T : struct => value ?? throw new RecoveryException($"{path}: missing value for '{key}'");
        if (info.Compression is { } compression)
        {
            // Compressed base backups (backup_compression) are tar files; recovering them is the backups issue's follow-up.
            throw new RecoveryException($"Recovery of a compressed backup (compression={compression}) is not implemented yet: backup {Path.GetFileName(backupDirectory)}");
        }
        return new RecoverySource(
            BackupId: Path.GetFileName(Path.TrimEndingDirectorySeparator(backupDirectory)),
            ServerName: Need(info.ServerName, "server_name"),
            BackupDirectory: backupDirectory,
            DataDirectory: Path.Combine(backupDirectory, "data"),
            BeginWal: Need(info.BeginWal, "begin_wal"),
            EndWal: Need(info.EndWal, "end_wal"),
            BeginTime: NeedValue(info.BeginTime, "begin_time"),
            EndTime: NeedValue(info.EndTime, "end_time"),
            Timeline: (uint)NeedValue(info.Timeline, "timeline"),
            PgVersion: NeedValue(info.Version, "version"),
            XlogSegmentSize: info.XlogSegmentSize ?? Wal.WalSegmentName.DefaultSegmentSize,
            Pgdata: info.Pgdata,
            ConfigFile: info.ConfigFile,
            HbaFile: info.HbaFile,
            IdentFile: info.IdentFile,
            Tablespaces: [.. info.Tablespaces.Select(t => new TablespaceSource(t.Name, (uint)t.Oid, t.Location))],
            BackupInfoText: File.ReadAllText(path));
    }
}
