// The named lock files of a server, as barman names them under barman_lock_directory.
using Barman.Core.Configuration;

namespace Barman.Core.Locking;

/// <summary>Paths and acquisition of barman's per-server locks.</summary>
public static class ServerLocks
{
    public static string PathFor(ServerConfig server, string kind) =>
        Path.Combine(server.LockDirectory, $".{server.Name}-{kind}.lock");

    public static string Cron(ServerConfig s) => PathFor(s, "cron");

    public static string ArchiveWal(ServerConfig s) => PathFor(s, "archive-wal");

    public static string ReceiveWal(ServerConfig s) => PathFor(s, "receive-wal");

    public static string Backup(ServerConfig s) => PathFor(s, "backup");

    public static string XlogDb(ServerConfig s) => PathFor(s, "xlogdb");

    /// <summary>Per-backup lock (barman takes .&lt;server&gt;-&lt;backup_id&gt;.lock while deleting or checking one backup).</summary>
    public static string ForBackup(ServerConfig s, string backupId) => PathFor(s, backupId);
}
