// Golden tests: list-backup, show-backup and delete refusals on catalogs rebuilt from the reference, compared byte for byte
// with the transcripts (62 doctored recovery window, 59 FAILED backup, 53/54 delete refusals).
using Microsoft.Extensions.Time.Testing;

namespace Barman.Cli.Tests.Golden;

public sealed class CatalogGoldenTests
{
    private static FakeTimeProvider At(int h, int m, int s) => new(new DateTimeOffset(2026, 11, 24, h, m, s, TimeSpan.Zero));

    [Theory]
    [InlineData("62-list.txt", "list-backup", "pg-fake")]
    [InlineData("62-list.json.txt", "-f", "json", "list-backup", "pg-fake")]
    [InlineData("62-show-20261104.txt", "show-backup", "pg-fake", "20261104T230000")]
    [InlineData("62-show-20261112.txt", "show-backup", "pg-fake", "20261112T230000")]
    [InlineData("62-show-20261115.txt", "show-backup", "pg-fake", "20261115T230000")]
    [InlineData("62-show-20261121.txt", "show-backup", "pg-fake", "20261121T230000")]
    public void Recovery_window_words_match_transcript_62(string golden, params string[] args)
    {
        // Arrange
        using var home = GoldenHome.Doctored();

        // Act
        var (code, stdout, stderr) = home.Run(At(23, 12, 28), args);

        // Assert
        Assert.Equal(GoldenHome.GoldenFile(golden), stdout);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("62-list-min4.txt", null, "list-backup", "pg-fake")]
    [InlineData("62-show-20261112-min4.txt", "full", "show-backup", "pg-fake", "20261112T230000")]
    [InlineData("62-list-keep-min4.txt", "full", "list-backup", "pg-fake")]
    [InlineData("62-list-keep-min4.json.txt", "full", "-f", "json", "list-backup", "pg-fake")]
    public void Minimum_redundancy_four_gives_potentially_obsolete_as_in_transcript_62(string golden, string? keep, params string[] args)
    {
        // Arrange
        using var home = GoldenHome.Doctored("4", keep);

        // Act
        var (code, stdout, _) = home.Run(At(23, 12, 38), args);

        // Assert
        Assert.Equal(GoldenHome.GoldenFile(golden), stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public void A_keep_full_backup_is_tagged_instead_of_obsolete_as_in_transcript_62()
    {
        // Arrange
        using var home = GoldenHome.Doctored("1", "full");

        // Act
        var (_, stdout, _) = home.Run(At(23, 12, 34), "list-backup", "pg-fake");

        // Assert
        Assert.Equal(GoldenHome.GoldenFile("62-list-keep.txt"), stdout);
    }

    [Theory]
    [InlineData("59-show-failed.txt", "show-backup", "pg-alt", "20261124T231151")]
    [InlineData("59-show-failed.json.txt", "-f", "json", "show-backup", "pg-alt", "20261124T231151")]
    public void A_failed_backup_shows_only_its_error_as_in_transcript_59(string golden, params string[] args)
    {
        // Arrange
        using var home = new GoldenHome("pg-alt", "retention_policy = REDUNDANCY 2");
        home.AddBackup("20261124T231151", GoldenHome.GoldenFile("pg-alt-20261124T231151-failed.info"));

        // Act
        var (code, stdout, _) = home.Run(At(23, 11, 54), args);

        // Assert
        Assert.Equal(GoldenHome.GoldenFile(golden), stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public void Deleting_a_kept_backup_is_refused_with_barmans_warning_and_repr_as_in_transcript_53()
    {
        // Arrange
        using var home = new GoldenHome("pg-main", "retention_policy = RECOVERY WINDOW OF 14 DAYS");
        home.AddBackup("20261124T230109", GoldenHome.GoldenFile("pg-main-20261124T230109.info"), keep: "full");

        // Act
        var console = home.Run(At(23, 8, 18), "delete", "pg-main", "20261124T230109");
        var json = home.Run(At(23, 8, 19), "-f", "json", "delete", "pg-main", "20261124T230109");

        // Assert
        Assert.Equal(GoldenHome.GoldenFile("53-delete-keep.stderr.txt"), console.Err);
        Assert.Equal((1, string.Empty), (console.Code, console.Out));
        Assert.Equal(GoldenHome.GoldenFile("53-delete-keep.json.txt"), json.Out);
        Assert.Equal(1, json.Code);
        Assert.True(Directory.Exists(Path.Combine(home.ServerDir, "base", "20261124T230109", "data")));
    }

    [Fact]
    public void Deleting_the_only_backup_is_refused_by_minimum_redundancy_as_in_transcript_54()
    {
        // Arrange
        using var home = new GoldenHome("pg-alt", "retention_policy = RECOVERY WINDOW OF 7 DAYS");
        home.AddBackup("20261124T230152", GoldenHome.GoldenFile("pg-alt-20261124T230152.info"));

        // Act
        var console = home.Run(At(23, 8, 21), "delete", "pg-alt", "latest");
        var json = home.Run(At(23, 8, 22), "-f", "json", "delete", "pg-alt", "latest");

        // Assert
        Assert.Equal(GoldenHome.GoldenFile("54-delete-minred.stderr.txt"), console.Err);
        Assert.Equal(1, console.Code);
        Assert.Equal(GoldenHome.GoldenFile("54-delete-minred.json.txt"), json.Out);
        Assert.True(File.Exists(Path.Combine(home.ServerDir, "base", "20261124T230152", "backup.info")));
    }
}
