// cron: what it prints and launches per server, as transcripts 06, 20 and 57 show.
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
