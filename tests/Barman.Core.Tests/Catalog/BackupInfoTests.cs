// Tests src/Barman.Core/Catalog/BackupInfo.cs: round trip of every reference backup.info, typed values, bad input.
using Barman.Core.Catalog;

namespace Barman.Core.Tests.Catalog;

public sealed class BackupInfoTests
{
    private static IEnumerable<string> ReferenceFiles() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "backup-info"), "*.info").Order(StringComparer.Ordinal);

    public static TheoryData<string> ReferenceNames() => [.. ReferenceFiles().Select(f => Path.GetFileName(f))];

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "backup-info", name));

    [Theory]
    [MemberData(nameof(ReferenceNames))]
    public void Every_reference_backup_info_is_rewritten_byte_for_byte(string name)
    {
        // Arrange
        var text = Read(name);

        // Act
        var formatted = BackupInfo.Parse("20261124T000000", text).Format();

        // Assert
        Assert.Equal(text, formatted);
    }

    [Fact]
    public void A_done_backup_info_exposes_typed_values()
    {
        // Arrange
        var text = Read("pg-main-20261124T230106.info");

        // Act
        var info = BackupInfo.Parse("20261124T230106", text);

        // Assert
        Assert.Equal("before_migration", info.BackupName);
        Assert.Equal(23125867, info.Size);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 1, 6, TimeSpan.Zero).AddTicks(6865040), info.BeginTime);
        Assert.Equal(1.193245, info.CopyStat("copy_time"));
        Assert.StartsWith("START WAL LOCATION: 0/7000028 (file 000000010000000000000007)\nCHECKPOINT", info.BackupLabel, StringComparison.Ordinal);
        Assert.Equal(150018, info.Version);
        Assert.Empty(info.Tablespaces);
    }

    [Fact]
    public void A_failed_backup_info_keeps_nulls_and_the_error()
    {
        // Arrange
        var text = Read("pg-alt-20261124T231151-failed.info");

        // Act
        var info = BackupInfo.Parse("20261124T231151", text);

        // Assert
        Assert.Equal(BackupInfo.StatusFailed, info.Status);
        Assert.Null(info.EndTime);
        Assert.Null(info.Size);
        Assert.StartsWith("failure copying files", info.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_backup_info_is_written_with_sorted_keys_none_and_python_literals()
    {
        // Arrange
        var info = new BackupInfo
        {
            BackupId = "20261124T230051",
            BackupLabelLiteral = PythonLiteral.Repr("START WAL LOCATION: 0/5000028\nLABEL: it's\n"),
            Status = BackupInfo.StatusStarted,
            Timeline = 1,
            TablespacesLiteral = PythonLiteral.Repr((object)System.Collections.Immutable.ImmutableArray.Create<object?>(
                new PythonLiteral.PyTuple(["tbs", 16387L, "/srv/tbs"]))),
        };

        // Act
        var text = info.Format();

        // Assert
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Order(StringComparer.Ordinal), lines);
        Assert.Contains("backup_label=\"START WAL LOCATION: 0/5000028\\nLABEL: it's\\n\"\n", text, StringComparison.Ordinal);
        Assert.Contains("tablespaces=[('tbs', 16387, '/srv/tbs')]\n", text, StringComparison.Ordinal);
        Assert.Contains("end_time=None\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("backup_name", text, StringComparison.Ordinal);
        Assert.Equal(("tbs", 16387L, "/srv/tbs"), BackupInfo.Parse(info.BackupId, text).Tablespaces.Single());
    }

    [Theory]
    [InlineData("size=abc\n", "size")]
    [InlineData("begin_time=yesterday\n", "begin_time")]
    [InlineData("copy_stats={'copy_time': \n", "copy_stats")]
    public void A_corrupt_value_is_reported_with_its_key(string text, string key)
    {
        // Act
        var e = Assert.Throws<FormatException>(() => BackupInfo.Parse("20261124T000000", text));

        // Assert
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_from_a_newer_barman_survive_a_rewrite()
    {
        // Arrange
        var text = Read("pg-main-20261124T230153.info").Replace("hba_file=", "future_key=42\nhba_file=", StringComparison.Ordinal);

        // Act
        var formatted = BackupInfo.Parse("20261124T230153", text).Format();

        // Assert
        Assert.Equal(text, formatted);
    }
}
