// Checks that need the live server: PostgreSQL, privileges, streaming, wal_level, replication slot, systemid coherence.
using Barman.Core.Configuration;
using Barman.Core.Servers;

namespace Barman.Core.Checks;

/// <summary>Connection-based checks. With PostgreSQL down only "PostgreSQL: FAILED" is printed, as in the reference.</summary>
internal static class PostgresChecks
{
    public static void Postgres(ServerConfig server, ServerProbe probe, CheckCollector checks)
    {
        checks.Start("PostgreSQL");
        var pg = probe.Postgres;
        if (pg is null || !pg.Connected)
        {
            checks.Result("PostgreSQL", false);
            return;
        }
        if (pg.VersionSupported == false)
        {
            checks.Result("PostgreSQL", false, $"unsupported version: PostgreSQL server is too old ({pg.ServerTxtVersion} < 10.0)");
            return;
        }
        checks.Result("PostgreSQL", true);

        if (pg.HasBackupPrivileges is { } privileges)
        {
            checks.Start("superuser or standard user with backup privileges");
            if (privileges)
            {
                checks.Result("superuser or standard user with backup privileges", true);
            }
            else
            {
                checks.Result("no access to backup functions", false, "privileges for PostgreSQL backup functions are required (see documentation)");
            }
        }

        if (probe.Streaming is { } streaming)
        {
            checks.Start("PostgreSQL streaming");
            checks.Result("PostgreSQL streaming", streaming.Connected, streaming.Connected ? null : streaming.ConnectionError);
        }

        if (pg.Setting("wal_level") is { } walLevel)
        {
            checks.Start("wal_level");
            checks.Result("wal_level", walLevel != "minimal", walLevel == "minimal" ? "please set it to a higher level than 'minimal'" : null);
        }

        if (server.SlotName is { } slotName)
        {
            ReplicationSlot(server, slotName, probe, checks);
        }
    }

    private static void ReplicationSlot(ServerConfig server, string slotName, ServerProbe probe, CheckCollector checks)
    {
        checks.Start("replication slot");
        var slot = probe.Postgres!.ReplicationSlot;
        if (server.StreamingArchiver)
        {
            if (slot is null)
            {
                checks.Result("replication slot", false,
                    $"replication slot '{slotName}' doesn't exist. Please execute 'barman receive-wal --create-slot {server.Name}'");
            }
            else if (slot.RestartLsn is null)
            {
                checks.Result("replication slot", false, $"slot '{slotName}' not initialised: is 'receive-wal' running?");
            }
            else if (!slot.Active)
            {
                checks.Result("replication slot", false, $"slot '{slotName}' not active: is 'receive-wal' running?");
            }
            else
            {
                checks.Result("replication slot", true);
            }
        }
        else if (slot?.RestartLsn is not null)
        {
            // Not a failure: a slot that nobody consumes only makes PostgreSQL keep WAL.
            var state = slot.Active ? "active" : "initialised";
            checks.Result("replication slot", true, $"WARNING: slot '{slotName}' is {state} but not required by the current config");
        }
    }

    /// <summary>The system id of both connections must agree, and match identity.json once a backup wrote it.</summary>
    public static void Identity(ServerProbe probe, CatalogFacts catalog, CheckCollector checks)
    {
        checks.Start("systemid coherence");
        var fromStreaming = probe.Streaming?.SystemId;
        var fromPostgres = probe.Postgres?.SystemId;
        if (fromStreaming is not null && fromPostgres is not null && fromStreaming != fromPostgres)
        {
            checks.Result("systemid coherence", false, "is the streaming DSN targeting the same server of the PostgreSQL connection string?");
            return;
        }
        var live = fromStreaming ?? fromPostgres;
        if (live is null)
        {
            checks.Result("systemid coherence", true, "no system Id available");
            return;
        }
        if (!File.Exists(catalog.IdentityPath))
        {
            checks.Result("systemid coherence", true, "no system Id stored on disk");
            return;
        }
        if (catalog.StoredSystemId() != live)
        {
            checks.Result("systemid coherence", false,
                $"the system Id of the connected PostgreSQL server changed, stored in \"{catalog.IdentityPath}\"");
            return;
        }
        checks.Result("systemid coherence", true);
    }
}
