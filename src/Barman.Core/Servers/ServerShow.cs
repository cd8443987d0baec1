// The show-servers table of one server: configuration, passive_node and the remote status, sorted by key.
using System.Text.Json.Nodes;
using Barman.Core.Checks;
using Barman.Core.Configuration;
using Barman.Core.Formatting;
using Barman.Core.Output;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>Builds <see cref="ShowServerResult"/> as barman's Server.show() does.</summary>
public static class ServerShow
{
    public static async Task<ShowServerResult> BuildAsync(ServerConfig server, IProcessRunner runner, TimeProvider clock, CancellationToken ct)
    {
        var passive = server.Get("primary_ssh_command") is not null;
        var probe = passive ? null : await ServerProbe.FetchAsync(server, runner, ct);
        if (probe is not null)
        {
            server = RemoteConfigValidation.Apply(server, probe.Postgres?.ServerVersion, probe.PgBaseBackup?.FullVersion);
        }
        return Build(server, probe, new CatalogFacts(server), clock);
    }

    public static ShowServerResult Build(ServerConfig server, ServerProbe? probe, CatalogFacts catalog, TimeProvider clock)
    {
        var values = ConfigValues.Build(server, RemoteStatusFlavor.ShowServers);
        values["passive_node"] = probe is null;
        if (probe is not null)
        {
            foreach (var (key, value) in RemoteStatus.Build(probe, RemoteStatusFlavor.ShowServers))
            {
                values[key] = value;
            }
        }
        values["last_backup_maximum_age"] = LastBackupMaximumAge(server, catalog, clock);
        var description = !server.Active ? "(inactive)" : server.Disabled ? "(WARNING: disabled)" : null;
        return new ShowServerResult(server.Name, [.. values.OrderBy(p => p.Key, StringComparer.Ordinal)], description);
    }

    /// <summary>barman replaces this key with a sentence about the newest backup's age (the string "None" when unset).</summary>
    private static string LastBackupMaximumAge(ServerConfig server, CatalogFacts catalog, TimeProvider clock)
    {
        if (server.LastBackupMaximumAge is not { } maxAge)
        {
            return "None";
        }
        var now = clock.GetUtcNow();
        var end = catalog.LastDone?.EndTime;
        var age = end is { } e ? HumanFormat.Duration(now - e) : "No available backups";
        return end is { } t && t >= now - maxAge
            ? $"{HumanFormat.Duration(maxAge)} (latest backup: {age} )"
            : $"{HumanFormat.Duration(maxAge)} (WARNING! latest backup is {age} old)";
    }
}
