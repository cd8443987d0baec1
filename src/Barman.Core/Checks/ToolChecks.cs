// Checks of the backup executor and the archivers: pg_basebackup, pg_receivewal, receive-wal running, archive_mode/command.
using Barman.Core.Configuration;
using Barman.Core.Locking;
using Barman.Core.Servers;

namespace Barman.Core.Checks;

/// <summary>Executor and archiver checks, in barman's order and wording (pg_receivewal keeps its old name pg_receivexlog).</summary>
internal static class ToolChecks
{
    /// <summary>The postgres backup method's checks; other methods are not supported by this clone and add nothing.</summary>
    public static void BackupExecutor(ServerConfig server, ServerProbe probe, CheckCollector checks)
    {
        if (server.BackupMethod != "postgres" || probe.PgBaseBackup is not { } tool)
        {
            return;
        }
        checks.Start("pg_basebackup");
        checks.Result("pg_basebackup", tool.Installed);

        checks.Start("pg_basebackup compatible");
        var compatible = tool.Installed ? tool.CompatibleWith(probe.StreamingMajor) : null;
        checks.Result("pg_basebackup compatible", compatible,
            compatible == true ? null : $"PostgreSQL version: {StreamingVersion(probe)}, pg_basebackup version: {tool.FullVersion ?? "Unknown"}");

        // Without a working conninfo connection barman skips the rest: another check reports the problem.
        if (probe.Postgres is not { Connected: true } pg)
        {
            return;
        }
        checks.Start("pg_basebackup supports tablespaces mapping");
        // Every pg_basebackup from 9.4 on supports --tablespace-mapping.
        var mapping = tool.MajorVersion is { } major && ClientTool.Numeric(major) >= 9.4m;
        checks.Result("pg_basebackup supports tablespaces mapping", mapping || pg.TablespaceCount == 0,
            mapping || pg.TablespaceCount == 0 ? null : "pg_basebackup 9.4 or higher is required for tablespaces support");
    }

    public static void StreamingArchiver(ServerConfig server, ServerProbe probe, CheckCollector checks)
    {
        var tool = probe.PgReceiveWal ?? new ClientTool("pg_receivewal", null, null);
        checks.Start("pg_receivexlog");
        checks.Result("pg_receivexlog", tool.Installed);

        checks.Start("pg_receivexlog compatible");
        var compatible = tool.Installed ? tool.CompatibleWith(probe.StreamingMajor) : null;
        checks.Result("pg_receivexlog compatible", compatible,
            compatible == true ? null : $"PostgreSQL version: {StreamingVersion(probe)}, pg_receivexlog version: {tool.FullVersion ?? "None"}");

        // barman looks for a live receive-wal process; ours and barman's hold the receive-wal lock while running.
        checks.Start("receive-wal running");
        var running = LockFile.IsHeld(ServerLocks.ReceiveWal(server));
        checks.Result("receive-wal running", running, running ? null : "See the Barman log file for more details");
    }

    public static void FileArchiver(ServerProbe probe, CheckCollector checks)
    {
        checks.Start("archive_mode");
        var pg = probe.Postgres;
        if (pg?.ArchiveMode is not { } mode)
        {
            // PostgreSQL unreachable: nothing to say about its settings.
            return;
        }
        checks.Result("archive_mode", mode is "on" or "always", mode is "on" or "always" ? null : "please set it to 'on' or 'always'");

        checks.Start("archive_command");
        if (pg.ArchiveCommand is { Length: > 0 } command && command != "(disabled)")
        {
            checks.Result("archive_command", true);
            if (pg.Archiver is { } stats)
            {
                checks.Result("continuous archiving", stats.IsArchiving);
            }
        }
        else
        {
            checks.Result("archive_command", false, "please set it accordingly to documentation");
        }
    }

    /// <summary>How barman prints the server version in a compatibility hint: None when unreachable, Unknown without a connection.</summary>
    private static string StreamingVersion(ServerProbe probe) => probe.Streaming is null ? "Unknown" : probe.Streaming.ServerTxtVersion ?? "None";
}
