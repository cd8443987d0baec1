// `check SRV --retention-policy` (our extension): the policy in force and what the next cron would delete, changing nothing.
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Cli.Tests.Golden;

public sealed class RetentionPolicyCheckTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 23, 12, 28, TimeSpan.Zero));

    [Fact]
    public void The_report_names_the_backups_the_next_cron_deletes_and_leaves_the_catalog_untouched()
    {
        // Arrange: transcript 62's doctored catalog, where 20261112 and 20261104 are OBSOLETE.
        using var home = GoldenHome.Doctored();
        var before = Directory.GetDirectories(Path.Combine(home.ServerDir, "base")).Order(StringComparer.Ordinal).ToList();

        // Act
        var (code, stdout, stderr) = home.Run(Clock, "check", "pg-fake", "--retention-policy");

        // Assert
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Server pg-fake:", lines[0]);
        Assert.StartsWith("\tRetention policy: RECOVERY WINDOW OF 7 DAYS (minimum redundancy: 1)", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("\t20261112T230000 DONE OBSOLETE: deleted by next cron", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\t20261104T230000 DONE OBSOLETE: deleted by next cron", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("\t20261123T230000 DONE VALID: kept by next cron", StringComparison.Ordinal));
        Assert.Equal(before, Directory.GetDirectories(Path.Combine(home.ServerDir, "base")).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void The_json_form_flags_exactly_the_obsolete_backups()
    {
        // Arrange
        using var home = GoldenHome.Doctored();

        // Act
        var (code, stdout, _) = home.Run(Clock, "-f", "json", "check", "pg-fake", "--retention-policy");

        // Assert
        Assert.Equal(0, code);
        var backups = JsonNode.Parse(stdout)!["pg-fake"]!["backups"]!.AsArray();
        var deleted = backups.Where(b => b!["deleted_by_next_cron"]!.GetValue<bool>()).Select(b => b!["backup_id"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["20261104T230000", "20261112T230000"], deleted);
        Assert.Equal(5, backups.Count);
    }
}
