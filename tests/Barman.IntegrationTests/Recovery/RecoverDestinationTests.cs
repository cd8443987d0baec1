// Recovering into a non-empty directory: replaced like rsync --delete (transcript 48), and still a working cluster.
namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RecoverDestinationTests(PitrScenarioFixture f)
{
    [Fact]
    public async Task Recovering_over_a_started_copy_uses_the_safe_horizon_and_restores_a_startable_cluster()
    {
        // Arrange: a previous recovery, started and stopped, so PostgreSQL changed its files
        var dest = RecoveredCopy.NewDestination(f, "again");
        Assert.Equal(0, RecoveredCopy.Recover(f, dest).ExitCode);
        await using (var first = RecoveredCopy.Start(dest))
        {
            first.Psql("INSERT INTO pitr_test VALUES (99, 1)");
            first.Stop();
        }
        Assert.True(File.Exists(Path.Combine(dest, "backup_label.old")));
        var beginTime = File.ReadLines(Path.Combine(f.Backup.Directory, "backup.info")).First(l => l.StartsWith("begin_time=", StringComparison.Ordinal))["begin_time=".Length..];

        // Act
        var run = RecoveredCopy.Recover(f, dest);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Using safe horizon time for smart rsync copy: {beginTime}", run.Lines[2]);
        Assert.False(File.Exists(Path.Combine(dest, "backup_label.old")));
        Assert.True(File.Exists(Path.Combine(dest, "backup_label")));
        await using var pg = RecoveredCopy.Start(dest);
        Assert.Equal("1:100,2:100,3:100", RecoveredCopy.Batches(pg));
        pg.Stop();
        RecoveredCopy.Delete(dest);
    }

    [Fact]
    public async Task Foreign_files_in_the_destination_are_deleted()
    {
        // Arrange
        var dest = RecoveredCopy.NewDestination(f, "nonempty");
        Directory.CreateDirectory(Path.Combine(dest, "pg_wal"));
        File.WriteAllText(Path.Combine(dest, "unrelated.txt"), "x");
        File.WriteAllText(Path.Combine(dest, "pg_wal", "000000090000000000000001"), "stale");

        // Act
        var run = RecoveredCopy.Recover(f, dest);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Lines, l => l.StartsWith("Using safe horizon", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(dest, "unrelated.txt")));
        Assert.False(File.Exists(Path.Combine(dest, "pg_wal", "000000090000000000000001")));
        await using var pg = RecoveredCopy.Start(dest);
        Assert.Equal("1:100,2:100,3:100", RecoveredCopy.Batches(pg));
        pg.Stop();
        RecoveredCopy.Delete(dest);
    }
}
