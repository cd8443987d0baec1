// --remote-ssh-command: rsync over a real ssh into a directory of another user, then PostgreSQL started on it.
namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RecoverRemoteTests(PitrScenarioFixture f)
{
    [Fact]
    public async Task Remote_recovery_to_a_restore_point_over_ssh_keeps_only_batch_1()
    {
        // Arrange: sshd for the postgres user, a destination parent postgres can write into
        using var sshd = await LocalSshd.StartAsync("postgres");
        var parent = Path.Combine(f.Scratch, "remote-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(parent);
        Fixtures.TestProcess.ChownToPostgres(parent);
        var dest = Path.Combine(parent, "data");

        // Act
        var run = RecoveredCopy.Recover(f, dest, "--target-name", "after_batch_1", "--remote-ssh-command", sshd.SshCommand);

        // Assert: the same output as a local recovery but "remote", files owned by the ssh user, a working server
        Assert.True(run.ExitCode == 0, run.Stderr);
        var expected = ExpectedOutput.Recover(f, dest, "Doing PITR. Recovery target name: 'after_batch_1'", copyWal: true, archiveStatus: false, configuration: true);
        expected[0] = expected[0].Replace("local restore", "remote restore", StringComparison.Ordinal);
        expected = [.. expected[..2], "Remote command: " + sshd.SshCommand, .. expected[2..]];
        Assert.Equal(expected, ExpectedOutput.Normalise(run.Stdout));
        Assert.Equal(string.Empty, run.Stderr);
        Assert.True(File.Exists(Path.Combine(dest, "recovery.signal")));
        Assert.True(File.Exists(Path.Combine(dest, "postgresql.conf.origin")));
        Assert.True(File.Exists(Path.Combine(dest, "backup_manifest." + f.Backup.BackupId)));
        Assert.True(File.Exists(Path.Combine(dest, "barman_wal", f.Backup.EndWal)));
        Assert.Contains("archive_command = false", File.ReadAllText(Path.Combine(dest, "postgresql.conf")), StringComparison.Ordinal);
        Assert.Equal("postgres", Fixtures.TestProcess.Run("stat", ["-c", "%U", Path.Combine(dest, "PG_VERSION")]).Stdout.Trim());
        await using var pg = RecoveredCopy.Start(dest);
        await RecoveredCopy.WaitForTargetAsync(pg);
        Assert.Equal("1:100", RecoveredCopy.Batches(pg));
        pg.Stop();
    }

    [Fact]
    public async Task Remote_recovery_over_a_running_postgres_is_refused()
    {
        // Arrange: the fixture's source cluster runs as postgres in its data directory
        using var sshd = await LocalSshd.StartAsync("postgres");

        // Act
        var run = RecoveredCopy.Recover(f, f.Cluster.DataDir, "--remote-ssh-command", sshd.SshCommand);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"ERROR: Refusing to recover into '{f.Cluster.DataDir}': a PostgreSQL server is running there", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("1", f.Cluster.Psql("SELECT 1"));
    }
}
