// recover's refusals: the reference's validation messages and exit codes (transcript 46) and our own safety checks.
namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RecoverErrorTests(PitrScenarioFixture f)
{
    // Cut from transcripts/46-recover-errors.txt.
    private const string Usage = """
        usage: barman recover [-h] [--target-tli TARGET_TLI]
                              [--target-time TARGET_TIME] [--target-xid TARGET_XID]
                              [--target-lsn TARGET_LSN] [--target-name TARGET_NAME]
                              [--target-immediate] [--exclusive]
                              [--tablespace NAME:LOCATION]
                              [--remote-ssh-command SSH_COMMAND] [--bwlimit KBPS]
                              [--retry-times RETRY_TIMES] [--retry-sleep RETRY_SLEEP]
                              [--no-retry] [--jobs NJOBS] [--get-wal] [--no-get-wal]
                              [--network-compression] [--no-network-compression]
                              [--target-action TARGET_ACTION] [--standby-mode]
                              [--recovery-staging-path RECOVERY_STAGING_PATH]
                              [--snapshot-recovery-instance SNAPSHOT_RECOVERY_INSTANCE]
                              [--snapshot-recovery-zone SNAPSHOT_RECOVERY_ZONE]
                              server_name backup_id destination_directory
        barman recover: error: argument --target-action: 'bogus' is not a valid recovery target action

        """;

    private string Started(string dest) =>
        $"Starting local restore for server pg-main using backup {f.Backup.BackupId}\nDestination directory: {dest}\n";

    private string EndTime => File.ReadLines(Path.Combine(f.Backup.Directory, "backup.info")).First(l => l.StartsWith("end_time=", StringComparison.Ordinal))["end_time=".Length..];

    [Fact]
    public void A_target_time_before_the_backup_end_is_refused_after_the_start_lines()
    {
        var dest = RecoveredCopy.NewDestination(f, "err-time");

        var run = RecoveredCopy.Recover(f, dest, "--target-time", "2000-01-01 00:00:00+00:00");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Started(dest), run.Stdout);
        Assert.Equal($"ERROR: The requested target time 2000-01-01 00:00:00+00:00 is before the backup end time {EndTime}\n", run.Stderr);
        Assert.False(Directory.Exists(dest));
    }

    [Fact]
    public void A_target_time_error_in_json_lists_info_and_error()
    {
        var dest = RecoveredCopy.NewDestination(f, "err-json");

        var run = RecoveredCopy.Barman(f, ["-f", "json", "recover", "pg-main", "latest", dest, "--target-time", "2000-01-01 00:00:00+00:00"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"{{\"_ERROR\": [\"The requested target time 2000-01-01 00:00:00+00:00 is before the backup end time {EndTime}\"], " +
            $"\"_INFO\": [\"Starting local restore for server pg-main using backup {f.Backup.BackupId}\", \"Destination directory: {dest}\"]}}",
            run.Stdout);
    }

    [Fact]
    public void An_unparsable_target_time_is_refused()
    {
        var dest = RecoveredCopy.NewDestination(f, "err-parse");

        var run = RecoveredCopy.Recover(f, dest, "--target-time", "not a time");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Started(dest), run.Stdout);
        Assert.Equal("ERROR: Unable to parse the target time parameter 'not a time': Unknown string format: not a time\n", run.Stderr);
    }

    [Fact]
    public void A_target_action_without_a_target_is_refused()
    {
        var dest = RecoveredCopy.NewDestination(f, "err-action");

        var run = RecoveredCopy.Recover(f, dest, "--target-action", "promote");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(Started(dest), run.Stdout);
        Assert.Equal("ERROR: Can't enable recovery target action when PITR is not required\n", run.Stderr);
    }

    [Fact]
    public void An_unknown_target_action_is_a_usage_error()
    {
        var run = RecoveredCopy.Recover(f, RecoveredCopy.NewDestination(f, "err-bogus"), "--target-time", "2026-11-24 23:03:35+00:00", "--target-action", "bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(Usage, run.Stderr);
    }

    [Theory]
    [InlineData("--target-time", "2026-11-24 23:03:35+00:00", "--target-xid", "739")]
    [InlineData("--target-immediate", "--target-name", "after_batch_1")]
    public void Two_targets_are_refused_before_anything_is_printed(params string[] options)
    {
        var run = RecoveredCopy.Recover(f, RecoveredCopy.NewDestination(f, "err-two"), options);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("ERROR: You cannot specify multiple targets for the recovery operation\n", run.Stderr);
    }

    [Fact]
    public void An_unknown_backup_is_refused()
    {
        var run = RecoveredCopy.Barman(f, ["recover", "pg-main", "20200101T000000", RecoveredCopy.NewDestination(f, "err-id")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ERROR: Unknown backup '20200101T000000' for server 'pg-main'\n", run.Stderr);
    }

    [Theory]
    [InlineData("--target-lsn", "0/XYZ", "ERROR: Invalid --target-lsn '0/XYZ': expected a WAL location such as 0/12042F90\n")]
    [InlineData("--target-xid", "12a", "ERROR: Invalid --target-xid '12a': expected a transaction ID (a non-negative integer)\n")]
    public void An_invalid_lsn_or_xid_is_refused_instead_of_written_unchecked(string option, string value, string error)
    {
        var dest = RecoveredCopy.NewDestination(f, "err-value");

        var run = RecoveredCopy.Recover(f, dest, option, value);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(error, run.Stderr);
        Assert.False(Directory.Exists(dest));
    }

    [Fact]
    public void A_destination_inside_barman_home_is_refused_and_the_catalog_is_untouched()
    {
        var dest = Path.Combine(f.Home.ServerDir, "base");
        var before = Directory.GetFileSystemEntries(dest, "*", SearchOption.AllDirectories).Length;

        var run = RecoveredCopy.Recover(f, dest);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"ERROR: Refusing to recover into '{dest}': it is inside barman's directory '{f.Home.HomeDir}'\n", run.Stderr);
        Assert.Equal(before, Directory.GetFileSystemEntries(dest, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void A_destination_that_contains_barman_home_is_refused()
    {
        var run = RecoveredCopy.Recover(f, f.Home.Root);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"ERROR: Refusing to recover into '{f.Home.Root}': it contains barman's directory", run.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(f.Backup.Directory, "backup.info")));
    }

    [Fact]
    public void A_destination_with_a_running_postmaster_is_refused()
    {
        // Arrange: the source cluster itself is running in its data directory
        var dest = f.Cluster.DataDir;
        var pid = File.ReadLines(Path.Combine(dest, "postmaster.pid")).First();

        // Act
        var run = RecoveredCopy.Recover(f, dest);

        // Assert
        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"ERROR: Refusing to recover into '{dest}': a PostgreSQL server is running there (postmaster.pid, PID {pid}). Stop it first\n", run.Stderr);
        Assert.Equal("1", f.Cluster.Psql("SELECT 1"));
    }
}
