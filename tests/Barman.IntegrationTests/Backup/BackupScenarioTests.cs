// Integration: backups of a real PostgreSQL 15 through pg_basebackup, then the catalog verbs on them, and the real barman
// reading what we wrote.
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Backup;

public sealed class BackupScenarioTests
{
    private static (int Code, string Out, string Err) Ours(string config, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string WriteConfig(BarmanHome home, PostgresCluster cluster)
    {
        File.WriteAllText(home.ConfigFile, $"""
            [barman]
            barman_home = {home.HomeDir}
            barman_user = root
            log_file = {home.LogFile}
            log_level = INFO
            minimum_redundancy = 1
            compression = gzip

            [pg-main]
            description = "Backup scenario"
            conninfo = {cluster.Conninfo}
            streaming_conninfo = {cluster.StreamingConninfo}
            backup_method = postgres
            archiver = on
            streaming_archiver = off
            retention_policy = REDUNDANCY 1
            path_prefix = {PostgresCluster.BinDir}
            """ + "\n");
        return home.ConfigFile;
    }

    private static async Task ArchiveOneSegmentAsync(PostgresCluster cluster, BarmanHome home, string config)
    {
        cluster.Psql("CREATE TABLE IF NOT EXISTS t(x int); INSERT INTO t VALUES (1);");
        cluster.SwitchWal();
        for (var i = 0; i < 100 && !Directory.EnumerateFiles(home.Incoming).Any(); i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, Ours(config, "archive-wal", "pg-main").Code);
    }

    [Fact]
    public async Task Two_backups_are_taken_listed_shown_kept_deleted_by_retention_and_read_by_the_real_barman()
    {
        // Arrange
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Port: 55311));
        var config = WriteConfig(home, cluster);
        await ArchiveOneSegmentAsync(cluster, home, config);

        // Act: first backup, waiting for its WAL
        var first = Ours(config, "backup", "pg-main", "--wait");

        // Assert
        Assert.True(first.Code == 0, first.Out + first.Err);
        var lines = first.Out.Split('\n');
        Assert.StartsWith($"Starting backup using postgres method for server pg-main in {home.ServerDir}/base/", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^Backup start at LSN: [0-9A-F]+/[0-9A-F]+ \([0-9A-F]{24}, [0-9A-F]{8}\)$", lines[1]);
        Assert.StartsWith("Starting backup copy via pg_basebackup for ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("Copy done (time: ", lines[3], StringComparison.Ordinal);
        Assert.Equal("Finalising the backup.", lines[4]);
        Assert.Equal("This is the first backup for server pg-main", lines[5]);
        Assert.Contains(lines, l => l.StartsWith("Backup size: ", StringComparison.Ordinal) && l.EndsWith(" MiB", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Backup completed (start time: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Waiting for the WAL file ", StringComparison.Ordinal));
        var id = Ours(config, "list-backup", "--minimal", "pg-main").Out.Trim();
        var dir = Path.Combine(home.ServerDir, "base", id);
        var info = Core.Catalog.BackupInfo.Load(Path.Combine(dir, "backup.info"));
        Assert.Equal(Core.Catalog.BackupInfo.StatusDone, info.Status);
        Assert.True(File.Exists(Path.Combine(dir, "data", "PG_VERSION")));
        Assert.True(File.Exists(Path.Combine(home.ServerDir, "identity.json")));
        Assert.Contains($"Restore point 'barman_{id}' successfully created", File.ReadAllText(home.LogFile), StringComparison.Ordinal);

        // Act: a second, named backup with an immediate checkpoint; retention REDUNDANCY 1 then makes the first OBSOLETE
        await Task.Delay(1100);
        await ArchiveOneSegmentAsync(cluster, home, config);
        var second = Ours(config, "backup", "pg-main", "--name", "before_migration", "--immediate-checkpoint", "--wait");
        var list = Ours(config, "list-backup", "pg-main");
        var realList = TestProcess.Run("/usr/bin/barman", ["-c", config, "list-backup", "pg-main"]);
        var realShow = TestProcess.Run("/usr/bin/barman", ["-c", config, "-f", "json", "show-backup", "pg-main", "before_migration"]);
        var ourShow = Ours(config, "-f", "json", "show-backup", "pg-main", "before_migration");
        var files = Ours(config, "list-files", "--target", "data", "pg-main", "latest");
        var keep = Ours(config, "keep", "pg-main", "latest", "--target", "full");
        var delete = Ours(config, "delete", "pg-main", "oldest");

        // Assert
        Assert.True(second.Code == 0, second.Out + second.Err);
        var listLines = list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, listLines.Length);
        Assert.Contains("'before_migration'", listLines[0], StringComparison.Ordinal);
        Assert.EndsWith(" - OBSOLETE", listLines[1], StringComparison.Ordinal);
        Assert.Equal(list.Out, realList.Stdout);
        Assert.Equal(realShow.Stdout.TrimEnd('\n'), ourShow.Out); // the test runner ends captured output with a newline
        Assert.Contains(files.Out.Split('\n'), l => l.EndsWith("/data/backup_label", StringComparison.Ordinal));
        Assert.Equal(0, keep.Code);
        Assert.True(delete.Code == 0, delete.Out + delete.Err);
        Assert.StartsWith($"Deleting backup {id} for server pg-main", delete.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
        Assert.Single(Ours(config, "list-backup", "--minimal", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // Act: verify the remaining backup with pg_verifybackup, then regenerate its manifest our way and verify again
        var verify = Ours(config, "verify-backup", "pg-main", "latest");
        var latestData = Path.Combine(home.ServerDir, "base", Ours(config, "list-backup", "--minimal", "pg-main").Out.Trim(), "data");
        File.Delete(Path.Combine(latestData, "backup_manifest"));
        var generate = Ours(config, "generate-manifest", "pg-main", "latest");
        var verifyOurs = Ours(config, "verify", "pg-main", "latest");

        // Assert
        Assert.Equal("Verifying backup 'latest' on server ['pg-main']\nCalling pg_verifybackup\nbackup successfully verified\n", verify.Out);
        Assert.Equal("Backup manifest for backup 'latest' successfully generated for server pg-main\n", generate.Out);
        Assert.True(verifyOurs.Code == 0, verifyOurs.Out + verifyOurs.Err);
        Assert.EndsWith("backup successfully verified\n", verifyOurs.Out, StringComparison.Ordinal);
    }
}
