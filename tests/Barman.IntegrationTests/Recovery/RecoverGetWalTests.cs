// --get-wal: no WAL copied, restore_command calls our barman get-wal with its config, as the user that runs PostgreSQL.
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RecoverGetWalTests(PitrScenarioFixture f)
{
    [Fact]
    public void Get_wal_writes_a_restore_command_with_the_config_and_copies_no_wal()
    {
        // Arrange
        var dest = RecoveredCopy.NewDestination(f, "getwal");

        // Act
        var run = RecoveredCopy.Recover(f, dest, "--target-time", f.TimeAfterBatch2, "--get-wal");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ExpectedOutput.Recover(f, dest, $"Doing PITR. Recovery target time: '{f.TimeAfterBatch2}'", copyWal: false, archiveStatus: false, configuration: true, getWal: true),
            ExpectedOutput.Normalise(run.Stdout));
        var appended = File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf"))[File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf.origin")).Length..];
        Assert.Equal(
            $"\n# The 'barman get-wal' command must run as 'root' user\nrestore_command = 'barman -c {f.Home.ConfigFile} get-wal -P pg-main %f > %p'\nrecovery_target_time = '{f.TimeAfterBatch2}'\n",
            appended);
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(dest, "barman_wal", "archive_status")));
        Assert.Single(Directory.GetFileSystemEntries(Path.Combine(dest, "barman_wal")));
        RecoveredCopy.Delete(dest);
    }

    [Fact]
    public async Task Get_wal_recovery_started_as_written_fetches_wal_through_barman_get_wal()
    {
        // Arrange: barman_user = postgres, so the built barman drops to the user that will run PostgreSQL
        var root = Path.Combine(f.Scratch, "getwal-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(root);
        TestProcess.ChownToPostgres(root);
        TestProcess.ChownToPostgres(f.Backup.Directory);
        var config = Path.Combine(root, "barman.conf");
        File.WriteAllText(config, File.ReadAllText(f.Home.ConfigFile)
            .Replace("barman_user = root", "barman_user = postgres", StringComparison.Ordinal)
            .Replace($"log_file = {f.Home.LogFile}", $"log_file = {Path.Combine(root, "barman.log")}", StringComparison.Ordinal));
        var dest = Path.Combine(root, "data");
        var barman = Path.Combine(AppContext.BaseDirectory, "barman");

        // Act
        var (code, stdout, stderr) = TestProcess.Run(barman, ["-c", config, "recover", "pg-main", "latest", dest, "--target-time", f.TimeAfterBatch2, "--get-wal"], check: false);

        // Assert
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains($"restore_command = '{barman} -c {config} get-wal -P pg-main %f > %p'", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await using var pg = RecoveredCopy.Start(dest);
        await RecoveredCopy.WaitForTargetAsync(pg);
        Assert.Equal("1:100,2:100", RecoveredCopy.Batches(pg));
        pg.Stop();
    }
}
