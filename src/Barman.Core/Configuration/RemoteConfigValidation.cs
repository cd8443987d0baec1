// Configuration problems barman can only see once connected (backup_compression needs the PostgreSQL and pg_basebackup
// versions): like load-time errors, they disable the server and go to its message list.
using System.Globalization;
using Barman.Core.Backup;
using Barman.Core.Processes;
using Barman.Core.Servers;

namespace Barman.Core.Configuration;

/// <summary>
/// barman 3.4 validates backup_compression while fetching the remote status, so an unreachable server stays enabled;
/// check, show-servers and backup all see the same disabled server through this one call.
/// </summary>
public static class RemoteConfigValidation
{
    /// <summary>
    /// barman builds each server by connecting when backup_compression is set, so every command (list-backup,
    /// show-backup...) sees the server disabled; unreachable servers are left as they are.
    /// </summary>
    public static async Task<GlobalConfig> ApplyAsync(GlobalConfig config, IProcessRunner runner, CancellationToken ct)
    {
        var servers = config.Servers;
        foreach (var server in config.Servers.Values.Where(s => s.BackupMethod == "postgres" && BackupCompression.From(s) is not null))
        {
            var probe = await ServerProbe.FetchAsync(server, runner, ct);
            servers = servers.SetItem(server.Name, Apply(server, probe.Postgres?.ServerVersion, probe.PgBaseBackup?.FullVersion));
        }
        return config with { Servers = servers };
    }

    /// <summary>The server, disabled with barman's messages when its settings are invalid for these versions.</summary>
    /// <param name="serverVersion">server_version_num, or null when PostgreSQL could not be reached.</param>
    /// <param name="pgBaseBackupVersion">pg_basebackup's version ("15.18"), or null when not found.</param>
    public static ServerConfig Apply(ServerConfig server, int? serverVersion, string? pgBaseBackupVersion)
    {
        if (serverVersion is not { } version || BackupCompression.From(server) is not { } compression)
        {
            return server;
        }
        // Idempotent: a server already disabled by these settings (ApplyAsync at start-up) is returned unchanged.
        var issues = compression.Validate(version, Major(pgBaseBackupVersion) ?? version / 10000).Where(i => !server.Messages.Contains(i)).ToList();
        return issues.Count == 0 ? server : server with { Disabled = true, Messages = server.Messages.AddRange(issues) };
    }

    private static int? Major(string? version) =>
        version is not null && int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
}
