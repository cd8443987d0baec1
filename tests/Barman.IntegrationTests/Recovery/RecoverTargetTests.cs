// Recovers the shared backup to every PITR target, starts PostgreSQL 15 on each copy and counts the batches.
namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RecoverTargetTests(PitrScenarioFixture f)
{
    private static readonly string[] NoTargetFiles = ["recovery.signal", "standby.signal"];

    [Fact]
    public async Task Recover_latest_replays_every_archived_batch_from_pg_wal()
    {
        // Arrange
        var dest = RecoveredCopy.NewDestination(f, "latest");

        // Act
        var run = RecoveredCopy.Recover(f, dest);

        // Assert: output, files, then the started server
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExpectedOutput.Recover(f, dest, null, copyWal: true, archiveStatus: true, configuration: false), ExpectedOutput.Normalise(run.Stdout));
        Assert.Equal(string.Empty, run.Stderr);
        Assert.All(NoTargetFiles, s => Assert.False(File.Exists(Path.Combine(dest, s))));
        Assert.False(Directory.Exists(Path.Combine(dest, "barman_wal")));
        Assert.True(File.Exists(Path.Combine(dest, "pg_wal", "archive_status", f.Backup.BeginWal + ".done")));
        Assert.True(File.Exists(Path.Combine(dest, "pg_wal", f.Backup.EndWal)));
        Assert.Equal(File.ReadAllText(Path.Combine(f.Backup.Directory, "backup.info")), File.ReadAllText(Path.Combine(dest, ".barman-recover.info")));
        Assert.True(File.Exists(Path.Combine(dest, "backup_manifest." + f.Backup.BackupId)));
        Assert.False(File.Exists(Path.Combine(dest, "backup_manifest")));
        Assert.Equal(File.ReadAllText(Path.Combine(f.Backup.Directory, "data", "postgresql.auto.conf")), File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")));
        await using var pg = RecoveredCopy.Start(dest);
        Assert.Equal("promoted", RecoveredCopy.RecoveryState(pg));
        Assert.Equal("1:100,2:100,3:100", RecoveredCopy.Batches(pg));
        pg.Stop();
        RecoveredCopy.Delete(dest);
    }

    [Fact]
    public async Task Recover_to_time_between_batch_1_and_2_keeps_only_batch_1()
    {
        var dest = RecoveredCopy.NewDestination(f, "time");

        var run = RecoveredCopy.Recover(f, dest, "--target-time", f.TimeAfterBatch1);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExpectedOutput.Recover(f, dest, $"Doing PITR. Recovery target time: '{f.TimeAfterBatch1}'", copyWal: true, archiveStatus: false, configuration: true),
            ExpectedOutput.Normalise(run.Stdout));
        Assert.Equal(
            AutoConf(f, "restore_command = 'cp barman_wal/%f %p'", "recovery_end_command = 'rm -fr barman_wal'", $"recovery_target_time = '{f.TimeAfterBatch1}'"),
            File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")));
        Assert.Equal(0, new FileInfo(Path.Combine(dest, "recovery.signal")).Length);
        Assert.True(Directory.Exists(Path.Combine(dest, "barman_wal", "archive_status")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(dest, "pg_wal")));
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_to_xid_of_batch_2_keeps_batches_1_and_2()
    {
        var dest = RecoveredCopy.NewDestination(f, "xid");

        var run = RecoveredCopy.Recover(f, dest, "--target-xid", f.Xid2);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Doing PITR. Recovery target xid: '{f.Xid2}'", run.Lines);
        Assert.EndsWith($"recovery_target_xid = '{f.Xid2}'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100,2:100", "paused");
    }

    [Fact]
    public async Task Recover_to_xid_exclusive_keeps_only_batch_1()
    {
        var dest = RecoveredCopy.NewDestination(f, "xid-excl");

        var run = RecoveredCopy.Recover(f, dest, "--target-xid", f.Xid2, "--exclusive");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith($"recovery_target_xid = '{f.Xid2}'\nrecovery_target_inclusive = 'False'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_to_lsn_after_batch_2_keeps_batches_1_and_2()
    {
        var dest = RecoveredCopy.NewDestination(f, "lsn");

        var run = RecoveredCopy.Recover(f, dest, "--target-lsn", f.LsnAfterBatch2);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Doing PITR. Recovery target lsn: '{f.LsnAfterBatch2}'", run.Lines);
        await AssertBatchesAtTargetAsync(dest, "1:100,2:100", "paused");
    }

    [Fact]
    public async Task Recover_to_restore_point_keeps_only_batch_1()
    {
        var dest = RecoveredCopy.NewDestination(f, "name");

        var run = RecoveredCopy.Recover(f, dest, "--target-name", "after_batch_1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Doing PITR. Recovery target name: 'after_batch_1'", run.Lines);
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_immediate_stops_before_the_table_existed()
    {
        var dest = RecoveredCopy.NewDestination(f, "immediate");

        var run = RecoveredCopy.Recover(f, dest, "--target-immediate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Doing PITR. Recovery target immediate: True", run.Lines);
        Assert.EndsWith("recovery_target = 'immediate'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "absent", "paused");
    }

    [Fact]
    public async Task Recover_with_target_tli_latest_replays_to_the_end_and_opens_timeline_2()
    {
        var dest = RecoveredCopy.NewDestination(f, "tli");

        var run = RecoveredCopy.Recover(f, dest, "--target-tli", "latest");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExpectedOutput.Recover(f, dest, null, copyWal: true, archiveStatus: false, configuration: true), ExpectedOutput.Normalise(run.Stdout));
        Assert.EndsWith("recovery_target_timeline = 'latest'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100,2:100,3:100", "promoted", timeline: "2", barmanWalRemoved: true);
    }

    [Fact]
    public async Task Recover_with_numeric_target_tli_writes_it_unquoted_and_stops_at_the_name()
    {
        var dest = RecoveredCopy.NewDestination(f, "tli1");

        var run = RecoveredCopy.Recover(f, dest, "--target-name", "after_batch_1", "--target-tli", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("recovery_target_name = 'after_batch_1'\nrecovery_target_timeline = 1\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_to_time_with_promote_keeps_batches_1_and_2_on_timeline_2_and_removes_barman_wal()
    {
        var dest = RecoveredCopy.NewDestination(f, "promote");

        var run = RecoveredCopy.Recover(f, dest, "--target-time", f.TimeAfterBatch2, "--target-action", "promote");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith($"recovery_target_time = '{f.TimeAfterBatch2}'\nrecovery_target_action = 'promote'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100,2:100", "promoted", timeline: "2", barmanWalRemoved: true);
    }

    [Fact]
    public async Task Recover_to_lsn_with_pause_keeps_only_batch_1_and_pauses()
    {
        var dest = RecoveredCopy.NewDestination(f, "pause");

        var run = RecoveredCopy.Recover(f, dest, "--target-lsn", f.LsnAfterBatch1, "--target-action", "pause");

        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith($"recovery_target_lsn = '{f.LsnAfterBatch1}'\nrecovery_target_action = 'pause'\n", File.ReadAllText(Path.Combine(dest, "postgresql.auto.conf")), StringComparison.Ordinal);
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_to_name_with_shutdown_stops_the_server_at_the_restore_point()
    {
        // Arrange + Act
        var dest = RecoveredCopy.NewDestination(f, "shutdown");
        var run = RecoveredCopy.Recover(f, dest, "--target-name", "after_batch_1", "--target-action", "shutdown");
        Assert.Equal(0, run.ExitCode);
        var auto = Path.Combine(dest, "postgresql.auto.conf");
        Assert.EndsWith("recovery_target_name = 'after_batch_1'\nrecovery_target_action = 'shutdown'\n", File.ReadAllText(auto), StringComparison.Ordinal);

        // Assert: the server stops by itself once it reaches the restore point
        await using (var pg = RecoveredCopy.Start(dest, checkStart: false))
        {
            await RecoveredCopy.WaitUntilAsync(() => !File.Exists(Path.Combine(dest, "postmaster.pid")), "the recovered server shut down");
            pg.MarkStopped();
            var log = File.ReadAllText(pg.LogFile);
            Assert.Contains("recovery stopping at restore point \"after_batch_1\"", log, StringComparison.Ordinal);
            Assert.Contains("database system is shut down", log, StringComparison.Ordinal);
        }

        // Assert: replaying to the same target again (pausing this time) shows what the shutdown left: batch 1
        File.WriteAllText(auto, File.ReadAllText(auto).Replace("'shutdown'", "'pause'", StringComparison.Ordinal));
        await AssertBatchesAtTargetAsync(dest, "1:100", "paused");
    }

    [Fact]
    public async Task Recover_in_standby_mode_stays_in_recovery_with_every_batch()
    {
        var dest = RecoveredCopy.NewDestination(f, "standby");

        var run = RecoveredCopy.Recover(f, dest, "--standby-mode");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(ExpectedOutput.Recover(f, dest, null, copyWal: true, archiveStatus: true, configuration: true), ExpectedOutput.Normalise(run.Stdout));
        Assert.True(File.Exists(Path.Combine(dest, "standby.signal")));
        Assert.False(File.Exists(Path.Combine(dest, "recovery.signal")));
        Assert.True(File.Exists(Path.Combine(dest, "pg_wal", "archive_status", f.Backup.EndWal + ".done")));
        await using var pg = RecoveredCopy.Start(dest);
        await RecoveredCopy.WaitUntilAsync(
            () => pg.Psql($"SELECT pg_last_wal_replay_lsn() >= '{f.LsnAfterBatch3}'::pg_lsn", check: false) == "t", "the standby replayed batch 3");
        Assert.Equal("not paused", RecoveredCopy.RecoveryState(pg));
        Assert.Equal("1:100,2:100,3:100", RecoveredCopy.Batches(pg));
        pg.Stop();
        RecoveredCopy.Delete(dest);
    }

    /// <summary>Starts PostgreSQL on the copy, waits for the target, and checks batches, state and timeline.</summary>
    private static async Task AssertBatchesAtTargetAsync(string dest, string batches, string state, string timeline = "1", bool barmanWalRemoved = false)
    {
        await using var pg = RecoveredCopy.Start(dest);
        await RecoveredCopy.WaitForTargetAsync(pg);
        Assert.Equal(state, RecoveredCopy.RecoveryState(pg));
        Assert.Equal(batches, RecoveredCopy.Batches(pg));
        if (state == "promoted")
        {
            pg.Psql("CHECKPOINT");
        }
        Assert.Equal(timeline, RecoveredCopy.Timeline(pg));
        Assert.Equal(barmanWalRemoved, !Directory.Exists(Path.Combine(dest, "barman_wal")));
        pg.Stop();
        RecoveredCopy.Delete(dest);
    }

    /// <summary>The backup's postgresql.auto.conf, a blank line, then the recovery lines.</summary>
    private static string AutoConf(PitrScenarioFixture f, params string[] lines) =>
        File.ReadAllText(Path.Combine(f.Backup.Directory, "data", "postgresql.auto.conf")) + "\n" + string.Concat(lines.Select(l => l + "\n"));
}
