// Proves the fixture itself: a real cluster starts, archives into incoming, and stops cleanly.
namespace Barman.IntegrationTests.Fixtures;

public sealed class ClusterSmokeTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public void The_cluster_answers_and_has_the_barman_roles_and_slot()
    {
        // Act
        var roles = fixture.Cluster.Psql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolname IN ('barman','streaming_barman')");
        var slot = fixture.Cluster.Psql("SELECT slot_name FROM pg_replication_slots");

        // Assert
        Assert.Equal("barman,streaming_barman", roles);
        Assert.Equal("barman", slot);
    }

    [Fact]
    public async Task A_switched_segment_arrives_in_incoming()
    {
        // Arrange
        fixture.Cluster.Psql("CREATE TABLE IF NOT EXISTS smoke(i int); INSERT INTO smoke VALUES (1);");

        // Act
        var segment = fixture.Cluster.SwitchWal();
        var path = Path.Combine(fixture.Home.Incoming, segment);
        for (var i = 0; i < 100 && !File.Exists(path); i++)
        {
            await Task.Delay(100);
        }

        // Assert
        Assert.True(File.Exists(path), $"{segment} was not archived into {fixture.Home.Incoming}");
        Assert.Equal(16L * 1024 * 1024, new FileInfo(path).Length);
    }
}
