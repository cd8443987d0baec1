// WalPruner drops WAL from the catalog before the disk; ArchiverErrors counts errors/ as check reports it.
using Barman.Core.Catalog;
using Barman.Core.Wal;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Core.Tests.Wal;

public sealed class WalPrunerTests
{
    [Fact]
    public async Task Removing_wal_before_a_backup_updates_xlog_db_and_deletes_the_files()
    {
        // Arrange
        using var home = new TempBarman();
        var s = home.Server;
        foreach (var n in new[] { "000000010000000000000003", "000000010000000000000004", "000000010000000000000005" })
        {
            home.Put(s.IncomingWalsDirectory, n, n[^1]);
        }
        await new WalArchiver(s, new RecordingOutput(), new FakeTimeProvider()).RunAsync();

        // Act
        var removed = WalPruner.RemoveBefore(s, "000000010000000000000005");

        // Assert
        Assert.Equal(["000000010000000000000003", "000000010000000000000004"], removed.Select(e => e.Name));
        Assert.Equal(["000000010000000000000005"], XlogDb.ReadAll(s).Select(e => e.Name));
        Assert.Equal(["000000010000000000000005"], Directory.GetFiles(Path.Combine(s.WalsDirectory, "0000000100000000")).Select(Path.GetFileName));
    }

    [Fact]
    public void Archiver_errors_hint_reads_as_barman_prints_it()
    {
        using var home = new TempBarman();
        File.WriteAllText(Path.Combine(home.Server.ErrorsDirectory, "000000010000000000000012.20261124T230916Z.duplicate"), "x");
        File.WriteAllText(Path.Combine(home.Server.ErrorsDirectory, "garbage.txt.20261124T230916Z.unknown"), "x");

        var errors = ArchiverErrors.Count(home.Server);

        Assert.Equal("duplicates: 1, unknown: 1", errors.Hint);
    }
}
