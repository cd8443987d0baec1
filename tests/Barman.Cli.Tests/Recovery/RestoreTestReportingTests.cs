// The restore-test annotation in show-backup (console, JSON) and the `restore test` check line (restore_test_maximum_age).
using Barman.Cli.Output;
using Barman.Cli.Tests.Checks;
using Barman.Cli.Tests.Golden;
using Barman.Core.Checks;
using Barman.Core.Formatting;
using Barman.Core.Recovery;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Cli.Tests.Recovery;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RestoreTestReportingTests
{
    private static readonly DateTimeOffset TestedAt = new(2026, 11, 24, 22, 0, 0, TimeSpan.Zero);

    private static FakeTimeProvider At(int h, int m, int s) => new(new DateTimeOffset(2026, 11, 24, h, m, s, TimeSpan.Zero));

    private static RestoreTestAnnotation Ok => new(true, TestedAt, 12.4, 3.5, 8.9, null);

    private static string Local(DateTimeOffset t) => HumanFormat.IsoWithOffset(TimeZoneInfo.ConvertTime(t, TimeZoneInfo.Local));

    [Fact]
    public void The_annotation_round_trips_through_its_file_format()
    {
        // Arrange
        var failed = new RestoreTestAnnotation(false, TestedAt, 61.25, 60, 0, "PostgreSQL did not start: FATAL: x");

        // Act
        var parsed = RestoreTestAnnotation.Parse(failed.Format());

        // Assert
        Assert.Equal(failed, parsed);
        Assert.Equal(Ok, RestoreTestAnnotation.Parse(Ok.Format()));
        Assert.Null(RestoreTestAnnotation.Parse("status=MAYBE\ntime=2026-11-24 22:00:00+00:00\n"));
    }

    [Fact]
    public void Show_backup_adds_one_line_after_the_catalog_information_and_nothing_without_annotation()
    {
        // Arrange
        using var home = GoldenHome.Doctored();
        var golden = GoldenHome.GoldenFile("62-show-20261121.txt");
        Ok.Write(Path.Combine(home.ServerDir, "base", "20261121T230000"));

        // Act
        var (code, stdout, _) = home.Run(At(23, 12, 28), "show-backup", "pg-fake", "20261121T230000");
        var (_, untested, _) = home.Run(At(23, 12, 28), "show-backup", "pg-fake", "20261115T230000");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(golden + $"    Last restore test    : OK at {Local(TestedAt)} (took 12 s)\n", stdout);
        Assert.Equal(GoldenHome.GoldenFile("62-show-20261115.txt"), untested);
    }

    [Fact]
    public void Show_backup_json_carries_the_annotation_under_catalog_information()
    {
        // Arrange
        using var home = GoldenHome.Doctored();
        new RestoreTestAnnotation(false, TestedAt, 61.25, 60, 0, "boom").Write(Path.Combine(home.ServerDir, "base", "20261121T230000"));

        // Act
        var (_, stdout, _) = home.Run(At(23, 12, 28), "-f", "json", "show-backup", "pg-fake", "20261121T230000");

        // Assert
        var test = System.Text.Json.Nodes.JsonNode.Parse(stdout)!["pg-fake"]!["catalog_information"]!["last_restore_test"]!;
        Assert.Equal("FAILED", (string?)test["status"]);
        Assert.Equal("boom", (string?)test["error"]);
        Assert.Equal(61.25, (double)test["total_seconds"]!);
        Assert.Equal(Local(TestedAt), (string?)test["time"]);
    }

    [Theory]
    [InlineData(null, "1 DAYS", false, "was never restore-tested: run 'barman restore-test pg-main 20261124T230153'")]
    [InlineData(true, "1 DAYS", true, "interval provided: 1 day, latest backup 20261124T230153 restore-tested OK 1 hour, 7 minutes, 53 seconds ago")]
    [InlineData(true, "1 HOURS", false, "restore-tested OK 1 hour, 7 minutes, 53 seconds ago: run 'barman restore-test pg-main 20261124T230153'")]
    [InlineData(false, "1 DAYS", false, "restore test of latest backup 20261124T230153 FAILED 1 hour, 7 minutes, 53 seconds ago (boom)")]
    public async Task Check_reports_the_latest_backups_restore_test_against_restore_test_maximum_age(bool? tested, string age, bool ok, string hint)
    {
        // Arrange
        using var home = new FakeCatalog($"restore_test_maximum_age = {age}");
        home.AddBackup("20261124T230118", "DONE", 23125866, "000000010000000000000004", "000000010000000000000005");
        home.AddBackup("20261124T230153", "DONE", 23199599, "000000010000000000000011", "000000010000000000000011");
        if (tested is { } passed)
        {
            new RestoreTestAnnotation(passed, TestedAt, 12, 3, 9, passed ? null : "boom").Write(Path.Combine(home.ServerDir, "base", "20261124T230153"));
        }

        // Act
        var result = await ServerChecker.RunAsync(home.Server, new FakeVersionRunner(), At(23, 7, 53), CancellationToken.None);
        using var stdout = new StringWriter();
        var output = new ConsoleOutput(stdout, TextWriter.Null, quiet: false, debug: false);
        output.ResultCheck(result);
        output.Close();

        // Assert
        var line = Assert.Single(stdout.ToString().Split('\n'), l => l.StartsWith("\trestore test: ", StringComparison.Ordinal));
        Assert.StartsWith(ok ? "\trestore test: OK (" : "\trestore test: FAILED (", line, StringComparison.Ordinal);
        Assert.Contains(hint, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_restore_test_maximum_age_check_prints_no_restore_test_line_even_with_an_annotation()
    {
        // Arrange
        using var home = new FakeCatalog();
        home.AddBackup("20261124T230153", "DONE", 23199599, "000000010000000000000011", "000000010000000000000011");
        Ok.Write(Path.Combine(home.ServerDir, "base", "20261124T230153"));

        // Act
        var result = await ServerChecker.RunAsync(home.Server, new FakeVersionRunner(), At(23, 7, 53), CancellationToken.None);

        // Assert
        Assert.DoesNotContain(result.Lines, l => l.Name == "restore test");
    }
}
