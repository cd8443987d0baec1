// xunit fixture: one shared cluster per test class, torn down even when tests fail.
namespace Barman.IntegrationTests.Fixtures;

/// <summary>A started <see cref="PostgresCluster"/> with archiving into <see cref="Home"/>'s incoming directory.</summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    internal PostgresCluster Cluster { get; private set; } = null!;

    internal BarmanHome Home { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Home = BarmanHome.Create("pg-main");
        Cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: Home.Incoming, Slots: ["barman"]));
        Home.WriteConfig(Cluster);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Home.Dispose();
    }
}
