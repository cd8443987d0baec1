// Compressed backups (backup_compression gzip/lz4/zstd, tar format): recovered, tablespace relocated, PostgreSQL reads them.
using System.Globalization;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

public sealed class RecoverCompressedTests
{
    [Theory]
    [InlineData("gzip", false)]
    [InlineData("lz4", false)]
    [InlineData("zstd", false)]
    [InlineData("lz4", true)]
    public async Task A_compressed_backup_with_a_tablespace_is_unpacked_relocated_and_started(string compression, bool remote)
    {
        // Arrange: a cluster with a tablespace, a tar backup compressed by pg_basebackup, its WAL archived
        await using var scenario = await TablespaceBackup.CreateAsync(compression, "CREATE TABLE in_base (n int); INSERT INTO in_base SELECT generate_series(1, 1000)");
        var (home, cluster, backup, oid) = (scenario.Home, scenario.Cluster, scenario.Backup, scenario.Oid);
        // Remotely everything happens as the ssh user (postgres), in a directory it owns.
        using var sshd = remote ? await LocalSshd.StartAsync("postgres") : null;
        var parent = Path.Combine(home.Root, "target");
        Directory.CreateDirectory(parent);
        TestProcess.ChownToPostgres(parent);
        var dest = Path.Combine(parent, "recovered");
        var relocated = Path.Combine(parent, "tbs1-relocated");
        var staging = Path.Combine(parent, "staging");
        Directory.CreateDirectory(staging);
        TestProcess.ChownToPostgres(staging);

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(
            ["-c", home.ConfigFile, "recover", "pg-main", "latest", dest, "--tablespace", $"tbs1:{relocated}", "--recovery-staging-path", staging,
             .. sshd is null ? Array.Empty<string>() : ["--remote-ssh-command", sshd.SshCommand]],
            stdout, stderr, TimeProvider.System);

        // Assert: barman's lines, the staging directory gone, and a server that reads both tables
        Assert.True(code == 0, stderr.ToString());
        var lines = stdout.ToString().Split('\n').Where(l => !l.StartsWith("Remote command: ", StringComparison.Ordinal)).ToArray();
        Assert.Equal($"\t{oid}, tbs1, {relocated}", lines[2]);
        Assert.Equal("Copying the base backup.", lines[3]);
        Assert.Equal($"Staging compressed backup files on the recovery host in: {staging}/barman-staging-pg-main-{backup.BackupId}", lines[4]);
        Assert.Equal("Copying required WAL segments.", lines[5]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(staging));
        Assert.True(File.Exists(Path.Combine(dest, "backup_manifest." + backup.BackupId)));
        Assert.False(File.Exists(Path.Combine(dest, "tablespace_map")));
        Assert.Equal(relocated, new FileInfo(Path.Combine(dest, "pg_tblspc", oid.ToString(CultureInfo.InvariantCulture))).LinkTarget);
        TestProcess.ChownToPostgres(relocated);
        await using var pg = RecoveredCopy.Start(dest);
        Assert.Equal("42", pg.Psql("SELECT count(*) FROM in_tbs"));
        Assert.Equal("1000", pg.Psql("SELECT count(*) FROM in_base"));
        pg.Stop();
    }

    [Fact]
    public async Task Restore_test_of_a_zstd_backup_passes_and_show_backup_and_check_report_it()
    {
        // Arrange: a zstd tar backup, its WAL archived, restore_test_maximum_age set
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(
            ArchiveMode: true, IncomingDirectory: home.Incoming, Slots: ["barman"], Port: LoopbackPorts.Next()));
        home.WriteConfig(cluster);
        File.AppendAllText(home.ConfigFile, "restore_test_maximum_age = 1 DAYS\n");
        var wals = Path.Combine(home.ServerDir, "wals");
        Directory.CreateDirectory(wals);
        var archive = new TestWalArchive(home.Incoming, wals);
        cluster.Psql("CREATE TABLE in_base (n int); INSERT INTO in_base SELECT generate_series(1, 77)");
        var backup = TestBaseBackup.Take(cluster, Path.Combine(home.ServerDir, "base"), "pg-main", compression: "zstd");
        await archive.WaitForAsync(cluster.SwitchWal());
        await archive.WaitForAsync(backup.EndWal);
        var work = Path.Combine(home.Root, "rt");
        Directory.CreateDirectory(work);
        string Run(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Cli.Program.Run(["-c", home.ConfigFile, .. args], stdout, stderr, TimeProvider.System);
            return stdout.ToString() + stderr.ToString();
        }
        var before = Run("check", "pg-main");

        // Act
        var test = Run("restore-test", "pg-main", "--directory", work, "--query", "SELECT count(*) FROM in_base");

        // Assert
        Assert.Contains("\trestore test: FAILED (interval provided: 1 day, latest backup " + backup.BackupId + " was never restore-tested", before, StringComparison.Ordinal);
        Assert.Contains("Query 'SELECT count(*) FROM in_base': 77", test, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(work));
        Assert.Matches(@"\n    Last restore test    : OK at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?[+-]\d\d:\d\d \(took \d+ s\)\n$", Run("show-backup", "pg-main", "latest"));
        Assert.Contains("\trestore test: OK (interval provided: 1 day, latest backup " + backup.BackupId + " restore-tested OK", Run("check", "pg-main"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ERROR: Cannot recover from backup 'latest' of server 'pg-main': backup is compressed with zstd compression but no recovery staging path is provided. Either set recovery_staging_path in the Barman config or use the --recovery-staging-path argument.\n")]
    [InlineData("rel/path", "ERROR: Cannot parse recovery staging path: Invalid value : 'rel/path' (must be an absolute path)\n")]
    public void Without_an_absolute_staging_path_a_compressed_backup_is_refused_as_barman_does(string? staging, string expected)
    {
        // Arrange: a catalog with one compressed backup.info (texts checked against /usr/bin/barman 3.4)
        using var home = BarmanHome.Create("pg-main");
        var backupDir = Path.Combine(home.ServerDir, "base", "20261124T230153");
        Directory.CreateDirectory(Path.Combine(backupDir, "data"));
        File.WriteAllText(Path.Combine(backupDir, "backup.info"),
            "begin_time=2026-11-24 23:01:53.284929+00:00\nbegin_wal=000000010000000000000011\ncompression=zstd\nend_time=2026-11-24 23:01:54.573840+00:00\n" +
            "end_wal=000000010000000000000011\nserver_name=pg-main\nstatus=DONE\ntablespaces=None\ntimeline=1\nversion=150018\n");
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\n[pg-main]\ndescription = t\nconninfo = host=127.0.0.1\nbackup_method = postgres\narchiver = on\nstreaming_conninfo = host=127.0.0.1\n");
        var dest = Path.Combine(home.Root, "recovered");

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(
            ["-c", home.ConfigFile, "recover", "pg-main", "latest", dest, .. staging is null ? Array.Empty<string>() : ["--recovery-staging-path", staging]],
            stdout, stderr, TimeProvider.System);

        // Assert
        Assert.Equal(1, code);
        Assert.Equal(expected, stderr.ToString());
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.False(Directory.Exists(dest));
    }
}
