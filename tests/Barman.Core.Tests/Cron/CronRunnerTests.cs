// cron: what it prints and launches per server, as transcripts 06, 20 and 57 show, and its repair of interrupted backups.
using System.Diagnostics;
using Barman.Core.Backup;
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Cron;
using Barman.Core.Locking;
using Barman.Core.Output;
using Barman.Core.Tests.Wal;

namespace Barman.Core.Tests.Cron;

public sealed class CronRunnerTests
{
    [Fact]
    public async Task First_cron_starts_archiving_and_streaming_then_check_backup_for_waiting_backups()
    {
        // Arrange
        using var home = new TempBarman();
        var launcher = new RecordingLauncher();
        var catalog = new FixedCatalog(["20261124T230152"]);
        var output = new RecordingOutput();

        // Act
        await new CronRunner(home.Config, output, launcher, catalog).RunAsync(CancellationToken.None);

        // Assert
        Assert.Equal(
            "Starting WAL archiving for server pg-main\nStarting streaming archiver for server pg-main\n"
            + "Starting check-backup for backup 20261124T230152 of server pg-main\n",
            output.Text);
        Assert.Equal(["archive-wal pg-main", "receive-wal pg-main", "check-backup pg-main 20261124T230152"], launcher.Launched);
        Assert.Equal(["pg-main"], catalog.RetentionRuns);
    }

    [Fact]
    public async Task A_running_receive_wal_is_not_started_again()
    {
        using var home = new TempBarman();
        using var receiving = LockFile.TryAcquire(ServerLocks.ReceiveWal(home.Server));
        var launcher = new RecordingLauncher();
        var output = new RecordingOutput();

        await new CronRunner(home.Config, output, launcher, new FixedCatalog([])).RunAsync(CancellationToken.None);

        Assert.Equal("Starting WAL archiving for server pg-main\n", output.Text);
        Assert.Equal(["archive-wal pg-main"], launcher.Launched);
    }

    [Fact]
    public async Task The_file_catalog_finds_waiting_for_wals_backups_from_backup_info()
    {
        using var home = new TempBarman();
        foreach (var (id, status) in new[] { ("20261124T230100", "DONE"), ("20261124T230152", "WAITING_FOR_WALS") })
        {
            var dir = Path.Combine(home.Server.BaseBackupsDirectory, id);
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "backup.info"), $"backup_id={id}\nstatus={status}\n");
        }

        var waiting = new BackupInfoStatusCatalog().WaitingForWalsBackups(home.Server);

        Assert.Equal(["20261124T230152"], waiting);
    }

    /// <summary>A backup.info as a backup process leaves it when killed before the copy ended.</summary>
    private static string WriteStartedBackup(ServerConfig server, string id)
    {
        var dir = Path.Combine(server.BaseBackupsDirectory, id);
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        var info = new BackupInfo
        {
            BackupId = id,
            Status = BackupInfo.StatusStarted,
            ServerName = server.Name,
            BeginTime = new DateTimeOffset(2026, 11, 24, 23, 1, 53, TimeSpan.Zero),
            Mode = "postgres",
            Version = 150018,
            Timeline = 1,
        };
        File.WriteAllText(Path.Combine(dir, "backup.info"), info.Format());
        return Path.Combine(dir, "backup.info");
    }

    private static BackupInfo Read(string path) => BackupInfo.Parse(Path.GetFileName(Path.GetDirectoryName(path)!), File.ReadAllText(path));

    [Fact]
    public async Task Cron_marks_a_backup_left_started_by_a_killed_backup_as_failed_when_no_backup_runs()
    {
        // Arrange: a STARTED backup and a free backup lock, as after a SIGKILLed barman backup
        using var home = new TempBarman();
        var path = WriteStartedBackup(home.Server, "20261124T230153");
        var output = new RecordingOutput();

        // Act
        await new CronRunner(home.Config, output, new RecordingLauncher(), new FixedCatalog([])).RunAsync(CancellationToken.None);

        // Assert: the same status, error and warning as the next backup would give
        var info = Read(path);
        Assert.Equal(BackupInfo.StatusFailed, info.Status);
        Assert.Equal(InterruptedBackups.Error, info.Error);
        Assert.Equal(["WARNING: Backup 20261124T230153 of server pg-main was left STARTED by a backup process that did not finish: marked as FAILED"], output.Errors);
        Assert.False(LockFile.IsHeld(ServerLocks.Backup(home.Server)));
    }

    [Fact]
    public async Task Cron_leaves_the_started_backup_of_a_running_backup_alone()
    {
        // Arrange: another process holds the backup lock (flock(1), as a live barman backup would)
        using var home = new TempBarman();
        var path = WriteStartedBackup(home.Server, "20261124T230153");
        var before = File.ReadAllText(path);
        var lockPath = ServerLocks.Backup(home.Server);
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", lockPath, "sleep", "60"]))!;
        try
        {
            for (var i = 0; i < 200 && !LockFile.IsHeld(lockPath); i++)
            {
                await Task.Delay(25);
            }
            Assert.True(LockFile.IsHeld(lockPath));
            var output = new RecordingOutput();

            // Act
            await new CronRunner(home.Config, output, new RecordingLauncher(), new FixedCatalog([])).RunAsync(CancellationToken.None);

            // Assert: untouched, and cron said nothing about it
            Assert.Equal(before, File.ReadAllText(path));
            Assert.Equal(BackupInfo.StatusStarted, Read(path).Status);
            Assert.Empty(output.Errors);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }
    }

    private sealed class RecordingLauncher : IBackgroundLauncher
    {
        public List<string> Launched { get; } = [];

        public Task LaunchAsync(IReadOnlyList<string> verbAndArgs, CancellationToken ct)
        {
            Launched.Add(string.Join(' ', verbAndArgs));
            return Task.CompletedTask;
        }
    }

    private sealed class FixedCatalog(IReadOnlyList<string> waiting) : ICronCatalog
    {
        public List<string> RetentionRuns { get; } = [];

        public IReadOnlyList<string> WaitingForWalsBackups(ServerConfig server) => waiting;

        public Task EnforceRetentionAsync(ServerConfig server, IOutput output, CancellationToken ct)
        {
            RetentionRuns.Add(server.Name);
            return Task.CompletedTask;
        }
    }
}
