// check/status/replication-status with PostgreSQL stopped: transcript 52.
using Barman.IntegrationTests.Fixtures;
using static Barman.IntegrationTests.Checks.CheckTestSupport;

namespace Barman.IntegrationTests.Checks;

/// <summary>pg-main with the catalog of transcript 52 (six DONE backups), whose cluster is stopped once set up.</summary>
public sealed class StoppedServerFixture : IAsyncLifetime
{
    public const int Port = 55111;

    internal PostgresCluster Cluster { get; private set; } = null!;

    internal BarmanHome Home { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Home = BarmanHome.Create("pg-main");
        Cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: Home.Incoming, Slots: ["barman"], Port: Port));
        Home.WriteConfig(Cluster);
        foreach (var id in new[] { "20261124T230051", "20261124T230106", "20261124T230109", "20261124T230112", "20261124T230118" })
        {
            AddBackup(Home, id, 23125866, "000000010000000000000004", "000000010000000000000005");
        }
        AddBackup(Home, "20261124T230153", 23199599, "000000010000000000000011", "000000010000000000000011");
        WriteXlogDb(Home, ("000000010000000000000011", 16461), ("000000010000000000000012", 50000), ("000000010000000000000013", 44513));
        Cluster.Stop();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Home.Dispose();
    }
}

[Collection(CheckCollection.Name)]
public sealed class StoppedCheckTests(StoppedServerFixture fixture) : IClassFixture<StoppedServerFixture>
{
    private BarmanHome Home => fixture.Home;

    [Fact]
    public void Check_matches_transcript_52_and_exits_1()
    {
        // Act
        var console = Ours(Home, "check", "pg-main");
        var json = Ours(Home, "-f", "json", "check", "pg-main");
        var nagios = Ours(Home, "check", "--nagios", "pg-main");

        // Assert
        Assert.Equal(Golden("check-pg-stopped.txt"), console.Stdout);
        Assert.Equal(1, console.Code);
        Assert.Equal(Golden("check-pg-stopped.json"), json.Stdout);
        Assert.Equal(1, json.Code);
        Assert.Equal(Golden("check-pg-stopped.nagios"), nagios.Stdout);
        Assert.Equal(2, nagios.Code);
    }

    [Fact]
    public void Each_failed_check_is_logged_as_barman_logs_it()
    {
        // Act
        Ours(Home, "check", "pg-main");

        // Assert
        var log = File.ReadAllText(Home.LogFile);
        Assert.Contains("ERROR: Check 'PostgreSQL' failed for server 'pg-main'", log, StringComparison.Ordinal);
        Assert.Contains("ERROR: Check 'receive-wal running' failed for server 'pg-main'", log, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_matches_transcript_52_and_replication_status_cannot_connect()
    {
        // Act
        var status = Ours(Home, "status", "pg-main");
        var replication = Ours(Home, "replication-status", "pg-main");

        // Assert
        Assert.Equal(Golden("status-pg-stopped.txt"), status.Stdout);
        Assert.Equal(0, status.Code);
        Assert.Equal("ERROR: Unable to connect to server pg-main\n", replication.Stderr);
        Assert.Equal(1, replication.Code);
    }

    [Theory]
    [InlineData("check", "pg-main")]
    [InlineData("show-servers", "pg-main")]
    [InlineData("-f", "json", "show-servers", "pg-main")]
    [InlineData("diagnose")]
    public void Output_equals_the_real_barman_with_PostgreSQL_stopped(params string[] args)
    {

        // Act
        var real = Real(Home, args);
        var ours = Ours(Home, args);

        // Assert
        Assert.Equal(MaskVolatile(real.Stdout), MaskVolatile(ours.Stdout));
        Assert.Equal(real.Code, ours.Code);
    }
}

/// <summary>The check integration tests share the process-wide logger, so they do not run in parallel with each other.</summary>
[CollectionDefinition(Name)]
public sealed class CheckCollection
{
    public const string Name = "checks-postgres";
}
