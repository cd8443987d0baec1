// Configuration problems barman can only see once connected (backup_compression needs the PostgreSQL and pg_basebackup
// versions): like load-time errors, they disable the server and go to its message list.
using System.Globalization;
using Barman.Core.Backup;

namespace Barman.Core.Configuration;

/// <summary>
/// barman 3.4 validates backup_compression while fetching the remote status, so an unreachable server stays enabled;
/// check, show-servers and backup all see the same disabled server through this one call.
/// </summary>
public static class RemoteConfigValidation
{
    /// <summary>The server, disabled with barman's messages when its settings are invalid for these versions.</summary>
    /// <param name="serverVersion">server_version_num, or null when PostgreSQL could not be reached.</param>
    /// <param name="pgBaseBackupVersion">pg_basebackup's version ("15.18"), or null when not found.</param>
    public static ServerConfig Apply(ServerConfig server, int? serverVersion, string? pgBaseBackupVersion)
    {
        if (serverVersion is not { } version || BackupCompression.From(server) is not { } compression)
        {
            return server;
        }
        var issues = compression.Validate(version, Major(pgBaseBackupVersion) ?? version / 10000);
        return issues.Count == 0 ? server : server with { Disabled = true, Messages = server.Messages.AddRange(issues) };
    }

    private static int? Major(string? version) =>
        version is not null && int.TryParse(version.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
}
