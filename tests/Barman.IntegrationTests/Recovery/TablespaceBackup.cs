// The Arrange shared by the tablespace recovery tests: a running cluster whose tablespace tbs1 holds in_tbs (42 rows),
// a base backup of it (optionally compressed by pg_basebackup) and its WAL archived.
using System.Globalization;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

internal sealed class TablespaceBackup : IAsyncDisposable
{
    private TablespaceBackup(BarmanHome home, PostgresCluster cluster, string location, uint oid, TestBaseBackup.Result backup)
    {
        Home = home;
        Cluster = cluster;
        Location = location;
        Oid = oid;
        Backup = backup;
    }

    public BarmanHome Home { get; }

    public PostgresCluster Cluster { get; }

    /// <summary>The live tablespace's directory.</summary>
    public string Location { get; }

    public uint Oid { get; }

    public TestBaseBackup.Result Backup { get; }

    /// <param name="compression">pg_basebackup's tar compression (gzip, lz4, zstd), or null for a plain backup.</param>
    /// <param name="moreSql">Run after in_tbs is filled and before the backup.</param>
    public static async Task<TablespaceBackup> CreateAsync(string? compression = null, string? moreSql = null)
    {
        var home = BarmanHome.Create("pg-main");
        var cluster = await PostgresCluster.StartAsync(new ClusterOptions(
            ArchiveMode: true, IncomingDirectory: home.Incoming, Slots: ["barman"], Port: LoopbackPorts.Next()));
        home.WriteConfig(cluster);
        var wals = Path.Combine(home.ServerDir, "wals");
        Directory.CreateDirectory(wals);
        var archive = new TestWalArchive(home.Incoming, wals);
        var location = Path.Combine(cluster.Root, "tbs1");
        Directory.CreateDirectory(location);
        TestProcess.ChownToPostgres(location);
        cluster.Psql($"CREATE TABLESPACE tbs1 LOCATION '{location}'");
        cluster.Psql("CREATE TABLE in_tbs (n int) TABLESPACE tbs1; INSERT INTO in_tbs SELECT generate_series(1, 42)");
        if (moreSql is not null)
        {
            cluster.Psql(moreSql);
        }
        var oid = uint.Parse(cluster.Psql("SELECT oid FROM pg_tablespace WHERE spcname = 'tbs1'"), CultureInfo.InvariantCulture);
        var backup = TestBaseBackup.Take(cluster, Path.Combine(home.ServerDir, "base"), "pg-main", [("tbs1", oid, location)], compression);
        await archive.WaitForAsync(cluster.SwitchWal());
        await archive.WaitForAsync(backup.EndWal);
        return new TablespaceBackup(home, cluster, location, oid, backup);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Home.Dispose();
    }
}
