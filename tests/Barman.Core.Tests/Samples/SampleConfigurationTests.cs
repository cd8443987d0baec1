// The shipped samples/ must load with our config loader, cleanly and with the values operators expect.
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Samples;

public sealed class SampleConfigurationTests
{
    private static string Samples()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Barman.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Barman.sln not found");
        }
        return Path.Combine(dir, "samples");
    }

    [Fact]
    public void The_sample_global_and_server_files_load_without_warnings_and_the_server_overrides_retention()
    {
        // Arrange
        var main = Path.Combine(Samples(), "barman.conf");
        var server = Path.Combine(Samples(), "barman.d", "pg-main.conf");
        IniDocument[] documents = [IniDocument.Parse(main, File.ReadAllText(main)), IniDocument.Parse(server, File.ReadAllText(server))];

        // Act
        var config = ConfigLoader.Build(main, documents);

        // Assert
        Assert.Empty(config.Warnings);
        var pg = Assert.Single(config.Servers.Values);
        Assert.Equal("pg-main", pg.Name);
        Assert.False(pg.Disabled, string.Join("; ", pg.Messages));
        Assert.Equal("Main Production Server", pg.Description);
        Assert.Equal("RECOVERY WINDOW OF 14 DAYS", pg.RetentionPolicy?.ToString());
        Assert.Equal(1, pg.MinimumRedundancy);
        Assert.Equal("gzip", pg.Compression);
        Assert.Equal(4, pg.ParallelJobs);
        Assert.Equal("postgres", pg.BackupMethod);
        Assert.True(pg.StreamingArchiver);
        Assert.True(pg.Archiver);
        Assert.Equal("barman", pg.SlotName);
        Assert.Equal("/var/lib/barman/pg-main/wals", pg.WalsDirectory);
        Assert.Equal("barman", config.BarmanUser);
    }

    [Fact]
    public void The_sample_cron_file_runs_cron_backup_check_and_restore_test()
    {
        // Act
        var lines = File.ReadAllLines(Path.Combine(Samples(), "cron.d", "barman")).Where(l => l.Length > 0 && l[0] != '#').ToList();

        // Assert
        Assert.Contains(lines, l => l.StartsWith("* * * * * barman", StringComparison.Ordinal) && l.EndsWith("-q cron", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("0 2 * * * barman", StringComparison.Ordinal) && l.EndsWith("backup all", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("check all", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("restore-test pg-main", StringComparison.Ordinal));
    }
}
