// The BARMAN_* variables a hook script sees besides the common ones, per kind of operation (barman's env_from_*).
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Catalog;
using Barman.Core.Formatting;

namespace Barman.Core.Hooks;

/// <summary>Builders for the operation-specific part of a hook script's environment.</summary>
public static class HookEnvironment
{
    /// <summary>
    /// backup and delete scripts: the backup's directory, id, status and error, and the ids of the nearest older and
    /// newer backups whose copy is done ("" when none, and always "" once the backup has been deleted).
    /// </summary>
    public static ImmutableDictionary<string, string> ForBackup(BackupInfo info, string backupDirectory, string? previousId, string? nextId) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["BARMAN_BACKUP_DIR"] = backupDirectory,
            ["BARMAN_BACKUP_ID"] = info.BackupId,
            ["BARMAN_PREVIOUS_ID"] = previousId ?? string.Empty,
            ["BARMAN_NEXT_ID"] = nextId ?? string.Empty,
            ["BARMAN_STATUS"] = info.Status,
            ["BARMAN_ERROR"] = info.Error ?? string.Empty,
        });

    /// <summary>
    /// backup and delete scripts, with the neighbours looked up in <paramref name="catalog"/> as barman does
    /// (only backups whose copy is done count).
    /// </summary>
    public static ImmutableDictionary<string, string> ForBackup(BackupCatalog catalog, BackupInfo info) =>
        ForBackup(info, Path.Combine(catalog.Server.BaseBackupsDirectory, info.BackupId),
            catalog.Previous(info.BackupId)?.BackupId, catalog.Next(info.BackupId)?.BackupId);

    /// <summary>
    /// archive and wal_delete scripts: one WAL file. <paramref name="time"/> is the xlog.db time (printed as Python's
    /// str(float)); <paramref name="file"/> is where the file is (incoming/streaming before archiving, wals/ after).
    /// </summary>
    public static ImmutableDictionary<string, string> ForWal(string segment, string file, long size, double time, string? compression, string? error = null) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["BARMAN_SEGMENT"] = segment,
            ["BARMAN_FILE"] = file,
            ["BARMAN_SIZE"] = size.ToString(CultureInfo.InvariantCulture),
            ["BARMAN_TIMESTAMP"] = PythonFloat.Repr(time),
            ["BARMAN_COMPRESSION"] = compression ?? string.Empty,
            ["BARMAN_ERROR"] = error ?? string.Empty,
        });

    /// <summary>archive and wal_delete scripts from an xlog.db line.</summary>
    public static ImmutableDictionary<string, string> ForWal(XlogDbEntry entry, string file, string? error = null) =>
        ForWal(entry.Name, file, entry.Size, entry.Time, entry.Compression, error);

    /// <summary>
    /// recovery scripts: the backup's variables plus the destination, the tablespace relocation map and the non-empty
    /// recovery options as sorted JSON (Python json.dumps with sort_keys), and the remote command.
    /// </summary>
    public static ImmutableDictionary<string, string> ForRecovery(ImmutableDictionary<string, string> backup, string destination,
        string tablespacesJson, string? remoteCommand, string recoverOptionsJson, string? error = null) =>
        backup.SetItems(new Dictionary<string, string>
        {
            ["BARMAN_DESTINATION_DIRECTORY"] = destination,
            ["BARMAN_TABLESPACES"] = tablespacesJson,
            ["BARMAN_REMOTE_COMMAND"] = remoteCommand ?? string.Empty,
            ["BARMAN_RECOVER_OPTIONS"] = recoverOptionsJson,
            ["BARMAN_ERROR"] = error ?? string.Empty,
        });
}
