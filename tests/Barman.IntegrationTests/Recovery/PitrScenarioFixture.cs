// One source cluster, one real base backup and three marker batches with recorded times, xids, LSNs and a restore point.
using System.Globalization;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

/// <summary>
/// The reference's PITR rig (README "PITR proof"), built once per test class: base backup taken before the table
/// exists, then batch 1 / restore point <c>after_batch_1</c> / gap time T1 / batch 2 / gap time T2 / batch 3, all archived.
/// </summary>
public sealed class PitrScenarioFixture : IAsyncLifetime
{
    internal PostgresCluster Cluster { get; private set; } = null!;

    internal BarmanHome Home { get; private set; } = null!;

    internal TestWalArchive Archive { get; private set; } = null!;

    internal TestBaseBackup.Result Backup { get; private set; } = null!;

    /// <summary>Scratch space for recovered copies (outside barman_home).</summary>
    internal string Scratch { get; private set; } = null!;

    public string Xid1 { get; private set; } = string.Empty;

    public string Xid2 { get; private set; } = string.Empty;

    public string Xid3 { get; private set; } = string.Empty;

    public string LsnAfterBatch1 { get; private set; } = string.Empty;

    public string LsnAfterBatch2 { get; private set; } = string.Empty;

    public string LsnAfterBatch3 { get; private set; } = string.Empty;

    /// <summary>A time between batch 1 and batch 2, as barman's users type it.</summary>
    public string TimeAfterBatch1 { get; private set; } = string.Empty;

    /// <summary>A time between batch 2 and batch 3.</summary>
    public string TimeAfterBatch2 { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Home = BarmanHome.Create("pg-main");
        Scratch = Path.Combine(Path.GetTempPath(), "barman-rec-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Scratch);
        Cluster = await PostgresCluster.StartAsync(new ClusterOptions(
            ArchiveMode: true, IncomingDirectory: Home.Incoming, Slots: ["barman"], Port: LoopbackPorts.Next()));
        Home.WriteConfig(Cluster, extraServerLines: "parallel_jobs = 2");
        var wals = Path.Combine(Home.ServerDir, "wals");
        Directory.CreateDirectory(wals);
        Directory.CreateDirectory(Path.Combine(Home.ServerDir, "base"));
        Archive = new TestWalArchive(Home.Incoming, wals);

        Backup = TestBaseBackup.Take(Cluster, Path.Combine(Home.ServerDir, "base"), "pg-main");
        await Archive.WaitForAsync(Cluster.SwitchWal());
        await Archive.WaitForAsync(Backup.EndWal);

        Cluster.Psql("CREATE TABLE pitr_test (batch int NOT NULL, n int NOT NULL)");
        (Xid1, LsnAfterBatch1) = Batch(1);
        Cluster.Psql("SELECT pg_create_restore_point('after_batch_1')");
        TimeAfterBatch1 = await GapAsync();
        (Xid2, LsnAfterBatch2) = Batch(2);
        TimeAfterBatch2 = await GapAsync();
        (Xid3, LsnAfterBatch3) = Batch(3);
        await Archive.WaitForAsync(Cluster.SwitchWal());
    }

    private (string Xid, string Lsn) Batch(int batch)
    {
        var xid = Cluster.Psql(string.Create(CultureInfo.InvariantCulture,
            $"BEGIN; INSERT INTO pitr_test SELECT {batch}, g FROM generate_series(1, 100) g; SELECT txid_current(); COMMIT;"));
        return (xid, Cluster.Psql("SELECT pg_current_wal_lsn()"));
    }

    /// <summary>Waits, samples the server clock (UTC, microseconds, "+00:00"), waits again.</summary>
    private async Task<string> GapAsync()
    {
        await Task.Delay(400);
        var now = Cluster.Psql("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00:00'");
        await Task.Delay(400);
        return now;
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
        Home?.Dispose();
        if (Scratch is not null && Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }
}
