// --tablespace NAME:LOCATION: the tablespace copy lands where asked, pg_tblspc links to it, and PostgreSQL reads it.
using System.Globalization;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

public sealed class RecoverTablespaceTests
{
    [Fact]
    public async Task A_relocated_tablespace_is_copied_linked_and_readable()
    {
        // Arrange: a cluster with a tablespace holding a table, a base backup, its WAL archived
        await using var scenario = await TablespaceBackup.CreateAsync();
        var (home, cluster, backup, oid) = (scenario.Home, scenario.Cluster, scenario.Backup, scenario.Oid);
        var dest = Path.Combine(home.Root, "recovered");
        var relocated = Path.Combine(home.Root, "tbs1-relocated");

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(["-c", home.ConfigFile, "recover", "pg-main", backup.BackupId, dest, "--tablespace", $"tbs1:{relocated}"], stdout, stderr, TimeProvider.System);

        // Assert: the link, the copy, and a server that reads the table from the relocated tablespace
        Assert.True(code == 0, stderr.ToString());
        var link = new FileInfo(Path.Combine(dest, "pg_tblspc", oid.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(relocated, link.LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(relocated, "PG_15_" + cluster.Psql("SELECT catalog_version_no FROM pg_control_system()"))));
        TestProcess.ChownToPostgres(relocated);
        await using var pg = RecoveredCopy.Start(dest);
        Assert.Equal("42", pg.Psql("SELECT count(*) FROM in_tbs"));
        Assert.Equal(relocated, pg.Psql("SELECT pg_tablespace_location(oid) FROM pg_tablespace WHERE spcname = 'tbs1'"));
        pg.Stop();
    }

    [Fact]
    public async Task Restore_test_keeps_tablespaces_inside_its_scratch_copy_and_leaves_the_live_ones_alone()
    {
        // Arrange: a running cluster with a tablespace, a base backup of it, its WAL archived
        await using var scenario = await TablespaceBackup.CreateAsync();
        var (home, cluster, backup, location) = (scenario.Home, scenario.Cluster, scenario.Backup, scenario.Location);
        // Nothing may write to the live tablespace during the test but the restore test itself (which must not).
        cluster.Psql("ALTER TABLE in_tbs SET (autovacuum_enabled = off)");
        cluster.Psql("VACUUM ANALYZE in_tbs");
        cluster.Psql("CHECKPOINT");
        File.WriteAllText(Path.Combine(location, "live-sentinel"), "live");
        var before = Snapshot(location);
        var work = Path.Combine(home.Root, "rt");
        Directory.CreateDirectory(work);

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(["-c", home.ConfigFile, "restore-test", "pg-main", backup.BackupId, "--directory", work, "--query", "SELECT count(*) FROM in_tbs"],
            stdout, stderr, TimeProvider.System);

        // Assert: the copy read the table from its own tablespace, and the live tablespace was not written to
        Assert.True(code == 0, stdout.ToString() + stderr.ToString());
        Assert.Contains("Query 'SELECT count(*) FROM in_tbs': 42", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(location));
        Assert.Empty(Directory.GetFileSystemEntries(work));
        Assert.Equal("42", cluster.Psql("SELECT count(*) FROM in_tbs"));
    }

    private static string Snapshot(string directory) => string.Join('\n',
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}"));

    [Fact]
    public void A_rule_for_an_unknown_tablespace_is_refused()
    {
        // Arrange: a catalog with one backup.info and no tablespace
        using var home = BarmanHome.Create("pg-main");
        var backupDir = Path.Combine(home.ServerDir, "base", "20261124T230153");
        Directory.CreateDirectory(Path.Combine(backupDir, "data"));
        File.WriteAllText(Path.Combine(backupDir, "backup.info"),
            "begin_time=2026-11-24 23:01:53.284929+00:00\nbegin_wal=000000010000000000000011\nend_time=2026-11-24 23:01:54.573840+00:00\n" +
            "end_wal=000000010000000000000011\nserver_name=pg-main\nstatus=DONE\ntablespaces=None\ntimeline=1\nversion=150018\n");
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\n[pg-main]\ndescription = t\nconninfo = host=127.0.0.1\nbackup_method = postgres\narchiver = on\nstreaming_conninfo = host=127.0.0.1\n");
        var dest = Path.Combine(home.Root, "recovered");

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Cli.Program.Run(["-c", home.ConfigFile, "recover", "pg-main", "latest", dest, "--tablespace", "nosuch:/tmp/x"], stdout, stderr, TimeProvider.System);

        // Assert
        Assert.Equal(1, code);
        Assert.Equal("ERROR: Tablespace 'nosuch' does not exist in backup 20261124T230153\n", stderr.ToString());
        Assert.False(Directory.Exists(dest));
    }
}
