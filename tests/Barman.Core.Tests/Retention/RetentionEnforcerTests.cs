// Tests src/Barman.Core/Retention/RetentionEnforcer.cs and RetentionReport.cs: the dry-run report predicts what cron deletes.
using Barman.Core.Catalog;
using Barman.Core.Output;
using Barman.Core.Retention;
using Barman.Core.Tests.Catalog;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Core.Tests.Retention;

public sealed class RetentionEnforcerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 20, 0, 0, TimeSpan.Zero);

    private static CatalogFixture FourBackups(string policy, string? keepSecond = null)
    {
        var f = new CatalogFixture("retention_policy = " + policy);
        f.AddBackup(CatalogFixture.Done("20261124T200000", 3, T0));
        f.AddBackup(CatalogFixture.Done("20261124T210000", 6, T0.AddHours(1)), keepSecond);
        f.AddBackup(CatalogFixture.Done("20261124T220000", 9, T0.AddHours(2)));
        f.AddBackup(CatalogFixture.Done("20261124T230000", 12, T0.AddHours(3)));
        f.AddWals(2, 13);
        return f;
    }

    [Fact]
    public async Task The_report_predicts_exactly_what_cron_deletes_and_changes_nothing()
    {
        // Arrange
        using var f = FourBackups("REDUNDANCY 2");
        var clock = new FakeTimeProvider(T0.AddHours(4));
        var xlogBefore = File.ReadAllText(f.XlogDb);

        // Act
        var report = RetentionReport.Build(f.Server, clock);
        var xlogAfterReport = File.ReadAllText(f.XlogDb);
        var output = new RecordingOutput();
        var deleted = await RetentionEnforcer.EnforceAsync(f.Server, output, clock);

        // Assert
        Assert.Equal(xlogBefore, xlogAfterReport);
        Assert.Equal(["20261124T230000", "20261124T220000", "20261124T210000", "20261124T200000"], report.Rows.Select(r => r.BackupId));
        Assert.Equal(["VALID", "VALID", "OBSOLETE", "OBSOLETE"], report.Rows.Select(r => r.RetentionStatus));
        Assert.Equal(report.Rows.Where(r => r.DeletedByNextCron).Select(r => r.BackupId).Order(StringComparer.Ordinal), deleted);
        var predictedWal = report.Rows.SelectMany(r => r.WalToRemove).Order(StringComparer.Ordinal).ToList();
        var removedWal = output.Infos.Where(l => l.StartsWith('\t')).Select(l => l.TrimStart('\t')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(predictedWal, removedWal);
        Assert.Equal([CatalogFixture.Wal(2), CatalogFixture.Wal(3), CatalogFixture.Wal(4), CatalogFixture.Wal(5), CatalogFixture.Wal(6), CatalogFixture.Wal(7), CatalogFixture.Wal(8)], removedWal);
        Assert.Equal("Enforcing retention policy: removing backup 20261124T200000 for server pg-main", output.Infos[0]);
        Assert.Equal(2, BackupCatalog.Load(f.Server).Backups.Length);
        Assert.DoesNotContain(CatalogFixture.Wal(8), File.ReadAllText(f.XlogDb), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(f.ServerDir, "wals", "0000000100000000", CatalogFixture.Wal(8))));
    }

    [Fact]
    public async Task A_keep_standalone_backup_survives_and_keeps_only_its_own_wal()
    {
        // Arrange
        using var f = FourBackups("REDUNDANCY 1", KeepAnnotation.Standalone);
        var clock = new FakeTimeProvider(T0.AddHours(4));

        // Act
        var report = RetentionReport.Build(f.Server, clock);
        var deleted = await RetentionEnforcer.EnforceAsync(f.Server, new RecordingOutput(), clock);

        // Assert
        Assert.Equal(["20261124T200000", "20261124T220000"], deleted);
        Assert.Equal("KEEP:STANDALONE", report.Rows.Single(r => r.BackupId == "20261124T210000").RetentionStatus);
        var xlog = File.ReadAllText(f.XlogDb);
        Assert.Contains(CatalogFixture.Wal(6), xlog, StringComparison.Ordinal);
        Assert.DoesNotContain(CatalogFixture.Wal(7), xlog, StringComparison.Ordinal);
        Assert.DoesNotContain(CatalogFixture.Wal(11), xlog, StringComparison.Ordinal);
        Assert.Contains(CatalogFixture.Wal(12), xlog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minimum_redundancy_stops_cron_and_the_report_says_so()
    {
        // Arrange: a window that makes three of four obsolete, minimum redundancy 3
        using var f = FourBackups("RECOVERY WINDOW OF 1 DAYS\nminimum_redundancy = 3");
        var clock = new FakeTimeProvider(T0.AddDays(3));

        // Act
        var report = RetentionReport.Build(f.Server, clock);
        var deleted = await RetentionEnforcer.EnforceAsync(f.Server, new RecordingOutput(), clock);

        // Assert
        Assert.Equal(["VALID", "OBSOLETE*", "OBSOLETE*", "OBSOLETE"], report.Rows.Select(r => r.RetentionStatus));
        Assert.Equal(["20261124T200000"], deleted);
        Assert.Equal(deleted, report.Rows.Where(r => r.DeletedByNextCron).Select(r => r.BackupId));
    }
}

/// <summary>An output port that records lines (for Core tests).</summary>
internal sealed class RecordingOutput : IOutput
{
    public List<string> Infos { get; } = [];

    public List<string> Warnings { get; } = [];

    public List<string> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public void Info(string message) => Infos.Add(message);

    public void Warning(string message) => Warnings.Add(message);

    public void Error(string message) => Errors.Add(message);

    public void Debug(string message)
    {
    }

    public void ResultListServer(string serverName, string description, bool disabled) => Infos.Add(serverName);

    public void ResultCheck(CheckResult result) => Infos.Add(result.Server);

    public void ResultStatus(StatusResult result) => Infos.AddRange(result.Rows.Select(r => $"{r.Description}: {r.Message}"));

    public void ResultShowServer(ShowServerResult result) => Infos.Add(result.Server);

    public void ResultListBackup(ListBackupResult result) => Infos.AddRange(result.Rows.Select(r => r.Info.BackupId));

    public void ResultShowBackup(ShowBackupResult result) => Infos.Add(result.Info.BackupId);

    public void ResultDocument(string key, System.Text.Json.Nodes.JsonNode? value) => Infos.Add(key);

    public void Close()
    {
    }
}
