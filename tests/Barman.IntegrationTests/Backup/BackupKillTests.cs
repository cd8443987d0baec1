// Integration: a backup whose pg_basebackup, or whose barman process, is SIGKILLed in the middle of the copy ends FAILED
// (never half DONE), says so, and the next backup succeeds.
using System.Diagnostics;
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Backup;

public sealed class BackupKillTests
{
    private static (int Code, string Out, string Err) Ours(string config, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // bandwidth_limit slows pg_basebackup (about 22 MiB at 1.5 MB/s) so there is time to kill it mid-copy.
    private static async Task<(BarmanHome Home, string Config)> PrepareAsync(BarmanHome home, PostgresCluster cluster)
    {
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\nlog_level = INFO\n\n"
            + $"[{home.Server}]\ndescription = kill\nconninfo = {cluster.Conninfo}\nstreaming_conninfo = {cluster.StreamingConninfo}\n"
            + $"backup_method = postgres\narchiver = on\nstreaming_archiver = off\npath_prefix = {PostgresCluster.BinDir}\nbandwidth_limit = 1500\n");
        cluster.Psql("CREATE TABLE t(x int); INSERT INTO t VALUES (1);");
        cluster.SwitchWal();
        for (var i = 0; i < 100 && !Directory.EnumerateFiles(home.Incoming).Any(); i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(0, Ours(home.ConfigFile, "archive-wal", home.Server).Code);
        return (home, home.ConfigFile);
    }

    /// <summary>Waits for the pg_basebackup writing under <paramref name="serverDir"/> to have copied some files.</summary>
    private static async Task<int> WaitForCopyAsync(string serverDir)
    {
        for (var i = 0; i < 300; i++)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }
                string cmdline;
                try
                {
                    cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                }
                catch (IOException)
                {
                    continue;
                }
                var marker = "--pgdata=" + Path.Combine(serverDir, "base") + "/";
                if (cmdline.Contains("pg_basebackup", StringComparison.Ordinal) && cmdline.Contains(marker, StringComparison.Ordinal))
                {
                    var data = cmdline[(cmdline.IndexOf(marker, StringComparison.Ordinal) + 9)..].Split(' ')[0];
                    if (Directory.Exists(Path.Combine(data, "base")))
                    {
                        return pid;
                    }
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("pg_basebackup never started copying");
    }

    [Fact]
    public async Task A_killed_pg_basebackup_leaves_a_failed_backup_with_its_error_and_the_next_backup_succeeds()
    {
        // Arrange
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Port: 55314));
        var (_, config) = await PrepareAsync(home, cluster);

        // Act: SIGKILL pg_basebackup while it copies
        var backup = Task.Run(() => Ours(config, "backup", "pg-main"));
        var pid = await WaitForCopyAsync(home.ServerDir);
        using (var victim = Process.GetProcessById(pid))
        {
            victim.Kill();
        }
        var failed = await backup;
        var id = Directory.GetDirectories(Path.Combine(home.ServerDir, "base")).Select(Path.GetFileName).Single()!;
        var info = Core.Catalog.BackupInfo.Load(Path.Combine(home.ServerDir, "base", id, "backup.info"));
        var list = Ours(config, "list-backup", "pg-main");
        var realList = TestProcess.Run("/usr/bin/barman", ["-c", config, "list-backup", "pg-main"]);

        // Assert
        Assert.Equal(1, failed.Code);
        Assert.StartsWith("ERROR: Backup failed copying files.\nDETAILS: data transfer failure on directory '", failed.Err, StringComparison.Ordinal);
        Assert.Contains("pg_basebackup error:", failed.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Backup completed", failed.Out, StringComparison.Ordinal);
        Assert.Equal(Core.Catalog.BackupInfo.StatusFailed, info.Status);
        Assert.StartsWith($"failure copying files (data transfer failure on directory '{home.ServerDir}/base/{id}/data')", info.Error, StringComparison.Ordinal);
        Assert.Equal($"pg-main {id} - FAILED\n", list.Out);
        Assert.Equal(list.Out, realList.Stdout);

        // Act: the next backup, without the bandwidth limit
        await Task.Delay(1100);
        var next = Ours(config, "backup", "pg-main", "--bwlimit", "0", "--wait");

        // Assert
        Assert.True(next.Code == 0, next.Out + next.Err);
        var lines = Ours(config, "list-backup", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("FAILED", lines[0], StringComparison.Ordinal);
        Assert.Equal($"pg-main {id} - FAILED", lines[1]);
    }

    [Fact]
    public async Task A_killed_barman_leaves_a_started_backup_that_the_next_backup_marks_failed()
    {
        // Arrange
        using var home = BarmanHome.Create("pg-main");
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Port: 55315));
        var (_, config) = await PrepareAsync(home, cluster);

        // Act: SIGKILL our barman process while its pg_basebackup copies (the orphaned child is killed too)
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "barman"), ["-c", config, "backup", "pg-main"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var barman = Process.Start(psi)!;
        var child = await WaitForCopyAsync(home.ServerDir);
        barman.Kill();
        await barman.WaitForExitAsync();
        using (var orphan = Process.GetProcessById(child))
        {
            orphan.Kill();
            await orphan.WaitForExitAsync();
        }
        var id = Directory.GetDirectories(Path.Combine(home.ServerDir, "base")).Select(Path.GetFileName).Single()!;
        var listAfterKill = Ours(config, "list-backup", "pg-main");
        var realListAfterKill = TestProcess.Run("/usr/bin/barman", ["-c", config, "list-backup", "pg-main"]);
        await Task.Delay(1100);
        var next = Ours(config, "backup", "pg-main", "--bwlimit", "0", "--wait");
        var info = Core.Catalog.BackupInfo.Load(Path.Combine(home.ServerDir, "base", id, "backup.info"));

        // Assert: STARTED as the real barman shows it, until the next backup (which holds the lock, so no live process
        // can own it) marks it FAILED with a warning, then succeeds
        Assert.Equal($"pg-main {id} - STARTED\n", listAfterKill.Out);
        Assert.Equal(listAfterKill.Out, realListAfterKill.Stdout);
        Assert.True(next.Code == 0, next.Out + next.Err);
        Assert.Contains($"WARNING: Backup {id} of server pg-main was left STARTED by a backup process that did not finish: marked as FAILED",
            next.Err, StringComparison.Ordinal);
        Assert.Equal(Core.Catalog.BackupInfo.StatusFailed, info.Status);
        Assert.Equal("failure during backup (the backup process ended before finishing it: interrupted or killed)", info.Error);
        var lines = Ours(config, "list-backup", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal($"pg-main {id} - FAILED", lines[1]);
    }
}
