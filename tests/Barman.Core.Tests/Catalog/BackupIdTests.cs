// Tests src/Barman.Core/Catalog/BackupId.cs: id shape and backup name validation (transcript 60).
using Barman.Core.Catalog;

namespace Barman.Core.Tests.Catalog;

public sealed class BackupIdTests
{
    [Theory]
    [InlineData("20261124T230051", true)]
    [InlineData("20261124T2300510", false)]
    [InlineData("../20261124T230051", false)]
    [InlineData("20261124T230051\n", false)]
    [InlineData("latest", false)]
    public void Only_the_exact_id_shape_is_a_backup_id(string text, bool expected) =>
        Assert.Equal(expected, BackupId.IsBackupId(text));

    [Theory]
    [InlineData("latest", "Backup name 'latest' is not allowed: reserved word")]
    [InlineData("last-failed", "Backup name 'last-failed' is not allowed: reserved word")]
    [InlineData("20261124T231018", "Backup name '20261124T231018' is not allowed: backup ID")]
    [InlineData("", "Backup name cannot be empty")]
    [InlineData("a\nb", "Backup name 'a\\nb' is not allowed: control characters")]
    public void Refused_names_get_barmans_reason(string name, string reason) =>
        Assert.Equal(reason, BackupId.InvalidNameReason(name));

    [Theory]
    [InlineData("before_migration")]
    [InlineData("with space")]
    [InlineData("../etc")]
    public void Other_names_are_accepted_because_names_never_become_paths(string name) =>
        Assert.Null(BackupId.InvalidNameReason(name));

    [Fact]
    public void The_id_is_the_local_start_time()
    {
        // Act
        var id = BackupId.FromStartTime(new DateTimeOffset(2026, 11, 24, 23, 0, 51, 550, TimeSpan.Zero));

        // Assert
        Assert.Equal("20261124T230051", id.Value);
    }
}
