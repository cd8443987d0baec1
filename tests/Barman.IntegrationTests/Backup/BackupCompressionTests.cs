// Integration: backup_compression on a real PostgreSQL 15: the layout, backup.info and show-backup the real barman 3.4
// gives for the same settings, and its refusals.
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Backup;

public sealed class BackupCompressionTests
{
    private static (int Code, string Out, string Err) Ours(string config, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string WriteConfig(BarmanHome home, PostgresCluster cluster, string compression)
    {
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\nlog_level = INFO\n\n"
            + $"[{home.Server}]\ndescription = compressed\nconninfo = {cluster.Conninfo}\nstreaming_conninfo = {cluster.StreamingConninfo}\n"
            + $"backup_method = postgres\narchiver = on\nstreaming_archiver = off\npath_prefix = {PostgresCluster.BinDir}\n{compression}");
        return home.ConfigFile;
    }

    [Theory]
    [InlineData("gzip", "backup_compression_level = 5\n", "base.tar.gz")]
    [InlineData("lz4", "backup_compression_format = tar\n", "base.tar.lz4")]
    [InlineData("zstd", "backup_compression_format = tar\nbackup_compression_level = 3\n", "base.tar.zst")]
    public async Task A_compressed_tar_backup_has_barmans_layout_and_info_and_invalid_settings_are_refused_as_barman_does(
        string type, string settings, string archive)
    {
        // Arrange
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming));
        var config = WriteConfig(home, cluster, $"backup_compression = {type}\n{settings}");
        cluster.Psql("CREATE TABLE t(x int); INSERT INTO t VALUES (1);");
        cluster.SwitchWal();
        for (var i = 0; i < 100 && !Directory.EnumerateFiles(home.Incoming).Any(); i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, Ours(config, "archive-wal", "pg-main").Code);

        // Act
        var backup = Ours(config, "backup", "pg-main", "--wait");
        var id = Ours(config, "list-backup", "--minimal", "pg-main").Out.Trim();
        var data = Path.Combine(home.ServerDir, "base", id, "data");
        var info = Core.Catalog.BackupInfo.Load(Path.Combine(home.ServerDir, "base", id, "backup.info"));
        var ourShow = Ours(config, "show-backup", "pg-main", id);
        var realShow = TestProcess.Run("/usr/bin/barman", ["-c", config, "show-backup", "pg-main", id]);
        var ourList = Ours(config, "list-backup", "pg-main");
        var realList = TestProcess.Run("/usr/bin/barman", ["-c", config, "list-backup", "pg-main"]);

        // Assert: data/ holds the base archive and backup_manifest only, as the real barman's does
        Assert.True(backup.Code == 0, backup.Out + backup.Err);
        Assert.Equal(["backup_manifest", archive], Directory.GetFiles(data).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(type, info.Compression);
        Assert.Equal(Core.Catalog.BackupInfo.StatusDone, info.Status);
        Assert.StartsWith("START WAL LOCATION:", info.BackupLabelLiteral!.Trim('\''), StringComparison.Ordinal);
        Assert.Equal(realShow.Stdout, ourShow.Out);
        Assert.Equal(realList.Stdout, ourList.Out);

        // Act: settings the real barman refuses
        WriteConfig(home, cluster, "backup_compression = gzip\nbackup_compression_format = plain\nbackup_compression_workers = 2\n");
        var refused = Ours(config, "backup", "pg-main");
        var realRefused = TestProcess.Run("/usr/bin/barman", ["-c", config, "backup", "pg-main"], check: false);

        // Assert
        Assert.Equal(1, refused.Code);
        Assert.Equal(
            "ERROR: backup_compression_format plain is not compatible with backup_compression_location None\n"
            + "ERROR: backup_compression_workers is not compatible with compression gzip\n",
            refused.Err);
        Assert.Equal((realRefused.ExitCode, realRefused.Stderr), (refused.Code, refused.Err));
        Assert.Single(Directory.GetDirectories(Path.Combine(home.ServerDir, "base")));
    }
}
