// check/status/show-servers/replication-status/diagnose on a correctly configured PostgreSQL 15 (transcript 13 shape).
using System.Diagnostics;
using Barman.Core.Locking;
using Barman.IntegrationTests.Fixtures;
using static Barman.IntegrationTests.Checks.CheckTestSupport;

namespace Barman.IntegrationTests.Checks;

/// <summary>
/// A healthy pg-main: archiving into incoming, slot 'barman' consumed by a live pg_receivewal, the receive-wal lock held
/// (what a running receive-wal does), one DONE backup of 23125866 bytes, xlog.db with content and identity.json.
/// </summary>
public sealed class HealthyServerFixture : IAsyncLifetime
{
    /// <summary>Inside this worktree's port range (55100-55199).</summary>
    public const int Port = 55110;

    private Process? _receiver;
    private LockFile? _receiveWalLock;

    internal PostgresCluster Cluster { get; private set; } = null!;

    internal BarmanHome Home { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Home = BarmanHome.Create("pg-main");
        Cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: Home.Incoming, Slots: ["barman"], Port: Port));
        Home.WriteConfig(Cluster);
        _receiver = StartReceiveWal(Cluster, Path.Combine(Home.ServerDir, "streaming"), "barman");
        _receiveWalLock = LockFile.TryAcquire(Path.Combine(Home.HomeDir, ".pg-main-receive-wal.lock"));
        var first = Cluster.SwitchWal();
        AddBackup(Home, "20261124T230051", 23125866, first, first);
        WriteXlogDb(Home, (first, 16461));
        WriteIdentity(Home, Cluster.Psql("SELECT system_identifier FROM pg_control_system()"));
        // Wait until the archiver has shipped the switched segment: "Last archived WAL" must not move between two runs.
        for (var i = 0; i < 200 && Cluster.Psql("SELECT last_archived_wal FROM pg_stat_archiver") != first; i++)
        {
            await Task.Delay(100);
        }
        // Wait until the slot is active and the streamer has written everything sent, so two runs see the same LSNs.
        for (var i = 0; i < 200 && Cluster.Psql("SELECT active AND restart_lsn IS NOT NULL FROM pg_replication_slots WHERE slot_name = 'barman'") != "t"; i++)
        {
            await Task.Delay(100);
        }
        for (var i = 0; i < 200 && Cluster.Psql(
            "SELECT sent_lsn = write_lsn AND sent_lsn = pg_current_wal_lsn() FROM pg_stat_replication WHERE application_name = 'barman_receive_wal'") != "t"; i++)
        {
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        _receiveWalLock?.Dispose();
        if (_receiver is { HasExited: false })
        {
            _receiver.Kill();
            await _receiver.WaitForExitAsync();
        }
        _receiver?.Dispose();
        await Cluster.DisposeAsync();
        Home.Dispose();
    }
}

[Collection(CheckCollection.Name)]
public sealed class HealthyCheckTests(HealthyServerFixture fixture) : IClassFixture<HealthyServerFixture>
{
    private BarmanHome Home => fixture.Home;

    [Fact]
    public void Check_prints_the_lines_of_transcript_13_and_exits_0()
    {
        // Act
        var (code, stdout, stderr) = Ours(Home, "check", "pg-main");

        // Assert
        Assert.Equal(Golden("check-healthy.txt"), stdout);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Check_json_and_nagios_forms_match_transcript_13()
    {
        // Act
        var json = Ours(Home, "-f", "json", "check", "pg-main");
        var nagios = Ours(Home, "check", "--nagios", "pg-main");

        // Assert
        Assert.Equal(Golden("check-healthy.json"), json.Stdout);
        Assert.Equal(0, json.Code);
        Assert.Equal(Golden("check-healthy.nagios"), nagios.Stdout);
        Assert.Equal(0, nagios.Code);
    }

    [Fact]
    public void Quiet_check_prints_nothing_and_keeps_the_exit_code()
    {
        // Act
        var (code, stdout, _) = Ours(Home, "-q", "check", "pg-main");

        // Assert
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("check", "pg-main")]
    [InlineData("-f", "json", "check", "pg-main")]
    [InlineData("check", "--nagios", "all")]
    [InlineData("show-servers", "pg-main")]
    [InlineData("-f", "json", "show-servers", "pg-main")]
    [InlineData("status", "pg-main")]
    [InlineData("-f", "json", "status", "pg-main")]
    [InlineData("replication-status", "--minimal", "pg-main")]
    [InlineData("replication-status", "--target", "hot-standby", "all")]
    [InlineData("diagnose")]
    public void Output_equals_the_real_barman_on_the_same_config_and_cluster(params string[] args)
    {

        // Act: PostgreSQL's background writer may log a standby snapshot between the two runs (the LSN moves by one
        // record), so a pair that differs is taken again; the assertion is on the last pair, unmasked beyond MaskVolatile.
        var real = Real(Home, args);
        var ours = Ours(Home, args);
        for (var attempt = 1; attempt < 3 && (MaskVolatile(real.Stdout) != MaskVolatile(ours.Stdout) || real.Code != ours.Code); attempt++)
        {
            Thread.Sleep(1000);
            real = Real(Home, args);
            ours = Ours(Home, args);
        }

        // Assert
        Assert.Equal(MaskVolatile(real.Stdout), MaskVolatile(ours.Stdout));
        Assert.Equal(real.Stderr, ours.Stderr);
        Assert.Equal(real.Code, ours.Code);
    }

    [Fact]
    public void Replication_status_shows_the_streaming_client_on_slot_barman()
    {
        // Act
        var (code, stdout, _) = Ours(Home, "replication-status", "pg-main");

        // Assert
        Assert.Equal(0, code);
        Assert.StartsWith("Status of streaming clients for server 'pg-main':\n  Current LSN on master: ", stdout, StringComparison.Ordinal);
        Assert.Contains("  Number of streaming clients: 1\n\n  1. Async WAL streamer\n     Application name: barman_receive_wal\n", stdout, StringComparison.Ordinal);
        Assert.Contains("     Replication slot: barman\n", stdout, StringComparison.Ordinal);
    }
}
