// Tests src/Barman.Core/Catalog/BackupCatalog.cs: selectors, ambiguous names, corrupt backup.info warnings.
using Barman.Core.Catalog;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Catalog;

public sealed class BackupCatalogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Selectors_resolve_as_barman_resolves_them()
    {
        // Arrange
        using var f = new CatalogFixture();
        f.AddBackup(CatalogFixture.Done("20261124T230000", 3, T0));
        f.AddBackup(CatalogFixture.Done("20261124T230100", 5, T0.AddMinutes(1), name: "before_migration"));
        f.AddBackup(CatalogFixture.Done("20261124T230200", 7, T0.AddMinutes(2), status: BackupInfo.StatusFailed));
        f.AddBackup(CatalogFixture.Done("20261124T230300", 9, T0.AddMinutes(3), status: BackupInfo.StatusWaitingForWals));

        // Act
        var catalog = BackupCatalog.Load(f.Server);

        // Assert
        Assert.Equal("20261124T230300", catalog.Resolve("latest").BackupId);
        Assert.Equal("20261124T230300", catalog.Resolve("last").BackupId);
        Assert.Equal("20261124T230000", catalog.Resolve("first").BackupId);
        Assert.Equal("20261124T230000", catalog.Resolve("oldest").BackupId);
        Assert.Equal("20261124T230200", catalog.Resolve("last-failed").BackupId);
        Assert.Equal("20261124T230100", catalog.Resolve("before_migration").BackupId);
        Assert.Equal("20261124T230200", catalog.Resolve("20261124T230200").BackupId);
        var e = Assert.Throws<BarmanException>(() => catalog.Resolve("../../etc"));
        Assert.Equal("Unknown backup '../../etc' for server 'pg-main'", e.Message);
    }

    [Fact]
    public void A_name_shared_by_two_backups_is_ambiguous()
    {
        // Arrange
        using var f = new CatalogFixture();
        f.AddBackup(CatalogFixture.Done("20261124T231201", 3, T0, name: "before_migration"));
        f.AddBackup(CatalogFixture.Done("20261124T231202", 5, T0.AddMinutes(1), name: "before_migration"));

        // Act
        var e = Assert.Throws<BarmanException>(() => BackupCatalog.Load(f.Server).Resolve("before_migration"));

        // Assert
        Assert.Equal("Multiple backups found matching name 'before_migration' (try using backup ID instead): 20261124T231201 20261124T231202", e.Message);
    }

    [Fact]
    public void A_corrupt_backup_info_is_one_warning_naming_the_file_and_the_others_load()
    {
        // Arrange
        using var f = new CatalogFixture();
        f.AddBackup(CatalogFixture.Done("20261124T230000", 3, T0));
        var bad = Path.Combine(f.ServerDir, "base", "20261124T230100", "backup.info");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        File.WriteAllText(bad, "status=DONE\nsize=12x\n");

        // Act
        var catalog = BackupCatalog.Load(f.Server);

        // Assert
        Assert.Equal("20261124T230000", Assert.Single(catalog.Backups).BackupId);
        var warning = Assert.Single(catalog.Warnings);
        Assert.Contains(bad, warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', warning);
    }

    [Fact]
    public void A_large_catalog_read_on_two_threads_keeps_order_warnings_and_keep_requests()
    {
        // Arrange: more backups than the two-thread threshold, with a corrupt file, a directory without backup.info
        // and keep requests in both halves.
        using var f = new CatalogFixture();
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var id = T0.AddHours(-i).ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            ids.Add(id);
            f.AddBackup(CatalogFixture.Done(id, 3 + i, T0.AddHours(-i)), keep: i % 100 == 7 ? KeepAnnotation.Standalone : null);
        }
        var bad = Path.Combine(f.ServerDir, "base", "20250101T000000", "backup.info");
        Directory.CreateDirectory(Path.GetDirectoryName(bad)!);
        File.WriteAllText(bad, "status=DONE\nsize=12x\n");
        Directory.CreateDirectory(Path.Combine(f.ServerDir, "base", "20250101T000001"));

        // Act
        var catalog = BackupCatalog.Load(f.Server);

        // Assert
        Assert.Equal(ids.Order(StringComparer.Ordinal), catalog.Backups.Select(b => b.BackupId));
        Assert.Contains(bad, Assert.Single(catalog.Warnings), StringComparison.Ordinal);
        Assert.Equal(3, ids.Count(id => catalog.KeepTarget(id) == KeepAnnotation.Standalone));
        Assert.Equal(KeepAnnotation.Standalone, catalog.KeepTarget(ids[207]));
        Assert.Null(catalog.KeepTarget(ids[208]));
    }
}
