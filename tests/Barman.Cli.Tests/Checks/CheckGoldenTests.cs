// Golden tests: the check engine + console/JSON/Nagios writers against transcript 52 (PostgreSQL stopped) and catalog hints.
using Barman.Cli.Output;
using Barman.Core.Checks;
using Barman.Core.Output;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Cli.Tests.Checks;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CheckGoldenTests : IDisposable
{
    private readonly FakeCatalog _home = new();

    public void Dispose() => _home.Dispose();

    /// <summary>The catalog of transcript 52: six DONE backups, the newest 23199599 bytes, 94513 bytes of WAL after it.</summary>
    private void TranscriptCatalog()
    {
        foreach (var id in new[] { "20261124T230051", "20261124T230106", "20261124T230109", "20261124T230112", "20261124T230118" })
        {
            _home.AddBackup(id, "DONE", 23125866, "000000010000000000000004", "000000010000000000000005");
        }
        _home.AddBackup("20261124T230153", "DONE", 23199599, "000000010000000000000011", "000000010000000000000011");
        _home.WriteXlogDb(
            ("000000010000000000000010", 16461),
            ("000000010000000000000011", 16461),
            ("000000010000000000000011.00000028.backup", 250),
            ("000000010000000000000012", 50000),
            ("000000010000000000000013", 44513));
    }

    private async Task<CheckResult> CheckAsync() =>
        await ServerChecker.RunAsync(_home.Server, new FakeVersionRunner(), new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T23:07:53Z", null)), CancellationToken.None);

    private static string Render(Func<StringWriter, IOutput> writer, CheckResult result)
    {
        using var stdout = new StringWriter();
        var output = writer(stdout);
        output.ResultCheck(result);
        output.Close();
        return stdout.ToString();
    }

    [Fact]
    public async Task Check_with_PostgreSQL_stopped_prints_transcript_52_console_lines()
    {
        // Arrange
        TranscriptCatalog();

        // Act
        var result = await CheckAsync();
        var text = Render(w => new ConsoleOutput(w, TextWriter.Null, quiet: false, debug: false), result);

        // Assert
        Assert.Equal(CheckGolden.Read("check-pg-stopped.txt"), text);
        Assert.False(result.Ok);
    }

    [Fact]
    public async Task Check_with_PostgreSQL_stopped_prints_transcript_52_json()
    {
        // Arrange
        TranscriptCatalog();

        // Act
        var text = Render(w => new JsonOutput(w), await CheckAsync());

        // Assert
        Assert.Equal(CheckGolden.Read("check-pg-stopped.json"), text);
    }

    [Fact]
    public async Task Check_with_PostgreSQL_stopped_prints_transcript_52_nagios_critical()
    {
        // Arrange
        TranscriptCatalog();
        using var stdout = new StringWriter();
        var nagios = new NagiosOutput(stdout);

        // Act
        nagios.ResultCheck(await CheckAsync());
        nagios.Close();

        // Assert
        Assert.Equal(CheckGolden.Read("check-pg-stopped.nagios"), stdout.ToString());
        Assert.True(nagios.Critical);
    }

    [Fact]
    public async Task Check_creates_the_server_directories_with_mode_0755()
    {
        // Act
        var result = await CheckAsync();

        // Assert
        Assert.Contains(result.Lines, l => l.Name == "directories" && l.Ok);
        foreach (var dir in new[] { "base", "errors", "incoming", "streaming", "wals" })
        {
            var path = Path.Combine(_home.ServerDir, dir);
            Assert.True(Directory.Exists(path), path);
            Assert.Equal((UnixFileMode)0x1ED, File.GetUnixFileMode(path) & (UnixFileMode)0x1FF);
        }
    }

    [Fact]
    public async Task An_empty_catalog_fails_WAL_archive_first_and_minimum_redundancy_with_barman_hints()
    {
        // Act
        var result = await CheckAsync();

        // Assert
        Assert.Equal(new CheckLine("WAL archive", false, "please make sure WAL shipping is setup"), result.Lines[0] with { Details = default });
        Assert.Contains(result.Lines, l => l is { Name: "minimum redundancy requirements", Ok: false, Hint: "have 0 backups, expected at least 1" });
        Assert.Contains(result.Lines, l => l is { Name: "systemid coherence", Ok: true, Hint: "no system Id available" });
        Assert.False(ServerChecker.AllowsBackup(result));
    }

    [Fact]
    public async Task Failed_backups_and_archiver_error_files_are_counted_in_the_hints()
    {
        // Arrange
        TranscriptCatalog();
        _home.AddBackup("20261124T230200", "FAILED", 0, "000000010000000000000014", "000000010000000000000014");
        _home.AddErrorFile("000000010000000000000003.20261124T230000Z.duplicate");
        _home.AddErrorFile("foo.20261124T230000Z.unknown");

        // Act
        var result = await CheckAsync();

        // Assert
        Assert.Contains(result.Lines, l => l is { Name: "failed backups", Ok: false, Hint: "there are 1 failed backups" });
        Assert.Contains(result.Lines, l => l is { Name: "archiver errors", Ok: false, Hint: "duplicates: 1, unknown: 1" });
    }

    [Fact]
    public async Task Configured_maximum_ages_and_minimum_size_report_the_latest_backup()
    {
        // Arrange
        using var home = new FakeCatalog("last_backup_maximum_age = 1 DAYS\nlast_backup_minimum_size = 1Gi\nlast_wal_maximum_age = 1 DAYS");
        home.AddBackup("20261124T230153", "DONE", 23199599, "000000010000000000000011", "000000010000000000000011", "2026-11-24 23:01:54+00:00");
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T23:02:54Z", null));

        // Act
        var result = await ServerChecker.RunAsync(home.Server, new FakeVersionRunner(), clock, CancellationToken.None);

        // Assert
        Assert.Contains(result.Lines, l => l is { Name: "backup maximum age", Ok: true, Hint: "interval provided: 1 day, latest backup age: 1 minute" });
        Assert.Contains(result.Lines, l => l is { Name: "backup minimum size", Ok: false, Hint: "last backup size 22.1 MiB < 1.0 GiB minimum" });
        Assert.Contains(result.Lines, l => l is { Name: "wal maximum age", Ok: false, Hint: "No WAL files archived for last backup" });
    }

    [Fact]
    public async Task A_disabled_server_shows_configuration_messages_nested_under_the_failed_line()
    {
        // Arrange: backup_method rsync without ssh_command disables the server, as in transcript 50.
        using var home = new FakeCatalog();
        var config = File.ReadAllText(home.ConfigFile).Replace("backup_method = postgres", "backup_method = rsync", StringComparison.Ordinal);
        File.WriteAllText(home.ConfigFile, config);

        // Act
        var result = await ServerChecker.RunAsync(home.Server, new FakeVersionRunner(), TimeProvider.System, CancellationToken.None);
        var text = Render(w => new ConsoleOutput(w, TextWriter.Null, quiet: false, debug: false), result);

        // Assert
        Assert.StartsWith("Server pg-main (WARNING: disabled):\n", text, StringComparison.Ordinal);
        Assert.Contains("\tconfiguration: FAILED\n\t\tMissing or invalid ssh_command in barman configuration for server pg-main\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\tdirectories:", text, StringComparison.Ordinal);
    }
}
