// The catalogs interoperate end to end: ours recovers what the real barman 3.4 backed up and archived, and the other way round.
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

public sealed class CrossRecoveryTests
{
    private const string RealBarman = "/usr/bin/barman";

    private delegate (int Code, string Out, string Err) BarmanTool(params string[] args);

    private static BarmanTool Ours(string config) => args =>
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    };

    private static BarmanTool Real(string config) => args =>
    {
        var run = TestProcess.Run(RealBarman, ["-c", config, .. args], check: false, timeout: TimeSpan.FromMinutes(2));
        return (run.ExitCode, run.Stdout, run.Stderr);
    };

    [Fact]
    public Task Ours_recovers_to_a_restore_point_from_a_backup_and_WAL_the_real_barman_wrote() =>
        TakeThenRecoverAsync(taker: Real, recoverer: Ours);

    [Fact]
    public Task The_real_barman_recovers_to_a_restore_point_from_a_backup_and_WAL_ours_wrote() =>
        TakeThenRecoverAsync(taker: Ours, recoverer: Real);

    /// <summary>
    /// Batch 1, a base backup, batch 2, restore point after_batch_2, batch 3: one barman backs up and archives (gzip),
    /// the other recovers to the restore point, and PostgreSQL started on the copy has batches 1 and 2 only.
    /// </summary>
    private static async Task TakeThenRecoverAsync(Func<string, BarmanTool> taker, Func<string, BarmanTool> recoverer)
    {
        // Arrange
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Port: LoopbackPorts.Next()));
        home.WriteConfig(cluster, extraServerLines: $"path_prefix = {PostgresCluster.BinDir}", streamingArchiver: false);
        var config = home.ConfigFile;
        var take = taker(config);
        cluster.Psql("CREATE TABLE pitr_test(batch int, n int); INSERT INTO pitr_test SELECT 1, g FROM generate_series(1, 100) g");
        await ArchiveUpToNowAsync(cluster, home, take);

        // Act: the taker backs up, more batches arrive, their WAL is archived, and the backup is checked to DONE
        var backup = take("backup", "pg-main");
        cluster.Psql("INSERT INTO pitr_test SELECT 2, g FROM generate_series(1, 100) g");
        cluster.Psql("SELECT pg_create_restore_point('after_batch_2')");
        cluster.Psql("INSERT INTO pitr_test SELECT 3, g FROM generate_series(1, 100) g");
        await ArchiveUpToNowAsync(cluster, home, take);
        var id = take("list-backup", "--minimal", "pg-main").Out.Trim();
        var checkBackup = take("check-backup", "pg-main", id);
        var dest = Path.Combine(home.Root, "recovered");
        var recover = recoverer(config)("recover", "pg-main", id, dest, "--target-name", "after_batch_2");

        // Assert
        Assert.True(backup.Code == 0, backup.Out + backup.Err);
        Assert.True(checkBackup.Code == 0, checkBackup.Out + checkBackup.Err);
        Assert.Equal("DONE", Core.Catalog.BackupInfo.Load(Path.Combine(home.ServerDir, "base", id, "backup.info")).Status);
        Assert.True(recover.Code == 0, recover.Out + recover.Err);
        Assert.Contains("Your PostgreSQL server has been successfully prepared for recovery!", recover.Out, StringComparison.Ordinal);
        await using var pg = RecoveredCopy.Start(dest);
        await RecoveredCopy.WaitForTargetAsync(pg);
        Assert.Equal("1:100,2:100", RecoveredCopy.Batches(pg));
        pg.Stop();
    }

    /// <summary>Closes the current segment, waits until PostgreSQL's archive_command put it in incoming/, and archives.</summary>
    private static async Task ArchiveUpToNowAsync(PostgresCluster cluster, BarmanHome home, BarmanTool tool)
    {
        var segment = cluster.SwitchWal();
        await RecoveredCopy.WaitUntilAsync(() => File.Exists(Path.Combine(home.Incoming, segment)), $"{segment} reached incoming/");
        var archive = tool("archive-wal", "pg-main");
        Assert.True(archive.Code == 0, archive.Out + archive.Err);
        Assert.True(File.Exists(Path.Combine(home.ServerDir, "wals", segment[..16], segment)), $"{segment} was not archived: {archive.Out}");
    }
}
