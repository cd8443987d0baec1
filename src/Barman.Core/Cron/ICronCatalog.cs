// The seam between cron and the backup catalog: which backups wait for WAL, and the retention step.
using Barman.Core.Configuration;
using Barman.Core.Output;

namespace Barman.Core.Cron;

/// <summary>What cron needs from the backup catalog. The backups work plugs its catalog and retention in here.</summary>
public interface ICronCatalog
{
    /// <summary>Ids of the server's backups in status WAITING_FOR_WALS, oldest first.</summary>
    IReadOnlyList<string> WaitingForWalsBackups(ServerConfig server);

    /// <summary>Applies the retention policy (runs inside the cron process, printing as delete does).</summary>
    Task EnforceRetentionAsync(ServerConfig server, IOutput output, CancellationToken ct);
}

/// <summary>
/// Reads <c>status=</c> from base/*/backup.info directly; retention is a no-op until the catalog work replaces this.
/// </summary>
public sealed class BackupInfoStatusCatalog : ICronCatalog
{
    public IReadOnlyList<string> WaitingForWalsBackups(ServerConfig server)
    {
        if (!Directory.Exists(server.BaseBackupsDirectory))
        {
            return [];
        }
        var result = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories(server.BaseBackupsDirectory).Order(StringComparer.Ordinal))
        {
            var info = Path.Combine(dir, "backup.info");
            if (File.Exists(info) && File.ReadLines(info).Any(l => l.Trim() == "status=WAITING_FOR_WALS"))
            {
                result.Add(Path.GetFileName(dir));
            }
        }
        return result;
    }

    public Task EnforceRetentionAsync(ServerConfig server, IOutput output, CancellationToken ct) => Task.CompletedTask;
}
