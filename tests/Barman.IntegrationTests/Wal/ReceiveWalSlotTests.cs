// receive-wal --create-slot / --drop-slot / --stop / --reset on a real PostgreSQL 15: transcripts 05 and 58, line for line.
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Barman.IntegrationTests.Wal;

public sealed class ReceiveWalSlotTests
{
    private static (int Code, string Out, string Err) Barman(BarmanHome home, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", home.ConfigFile, .. args], stdout, stderr, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Slot_creation_and_removal_print_barmans_lines_and_refuse_twice()
    {
        // Arrange: a cluster without the slot
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming));
        home.WriteConfig(cluster);

        // Act
        var created = Barman(home, "receive-wal", "--create-slot", "pg-main");
        var slotAfterCreate = cluster.Psql("SELECT slot_name || ':' || slot_type FROM pg_replication_slots");
        var createdAgain = Barman(home, "receive-wal", "--create-slot", "pg-main");
        var createdAgainJson = Barman(home, "-f", "json", "receive-wal", "--create-slot", "pg-main");
        var dropped = Barman(home, "receive-wal", "--drop-slot", "pg-main");
        var slotAfterDrop = cluster.Psql("SELECT count(*) FROM pg_replication_slots");
        var droppedAgain = Barman(home, "receive-wal", "--drop-slot", "pg-main");

        // Assert (transcripts 05 and 58)
        Assert.Equal((0, "Creating physical replication slot 'barman' on server 'pg-main'\nReplication slot 'barman' created\n", string.Empty), created);
        Assert.Equal("barman:physical", slotAfterCreate);
        Assert.Equal((1, "Creating physical replication slot 'barman' on server 'pg-main'\n", "ERROR: Replication slot 'barman' already exists\n"), createdAgain);
        Assert.Equal(
            "{\"_ERROR\": [\"Replication slot 'barman' already exists\"], \"_INFO\": [\"Creating physical replication slot 'barman' on server 'pg-main'\"]}",
            createdAgainJson.Out);
        Assert.Equal(1, createdAgainJson.Code);
        Assert.Equal((0, "Dropping physical replication slot 'barman' on server 'pg-main'\nReplication slot 'barman' dropped\n", string.Empty), dropped);
        Assert.Equal("0", slotAfterDrop);
        Assert.Equal((1, "Dropping physical replication slot 'barman' on server 'pg-main'\n", "ERROR: Replication slot 'barman' does not exist\n"), droppedAgain);
    }

    [Fact]
    public async Task Stop_without_a_running_receiver_fails_and_reset_reports_an_aligned_position()
    {
        // Arrange: slot present, no receive-wal running
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Slots: ["barman"]));
        home.WriteConfig(cluster);

        // Act
        var stop = Barman(home, "receive-wal", "--stop", "pg-main");
        var reset = Barman(home, "receive-wal", "--reset", "pg-main");

        // Assert (transcript 58)
        Assert.Equal((1, string.Empty, "ERROR: Termination of receive-wal failed: no such process for server pg-main\n"), stop);
        Assert.Equal((0, "Nothing to do. Position of receive-wal is aligned.\n", string.Empty), reset);
    }
}
