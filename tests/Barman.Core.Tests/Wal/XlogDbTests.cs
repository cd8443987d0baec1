// xlog.db: reference lines round-trip, a torn tail is ignored by readers and cut by the appender, rewrite is atomic.
using Barman.Core.Catalog;

namespace Barman.Core.Tests.Wal;

public sealed class XlogDbTests
{
    // Cut from layout/04-xlog-db-and-wals.txt.
    private const string Reference = "000000010000000000000007\t16461\t1795561266.8078122\tgzip\n"
        + "000000010000000000000007.00000028.backup\t199\t1795561266.8194351\tgzip\n"
        + "00000001000000000000000B\t16461\t1795561272.671812\tgzip\n"
        + "000000010000000000000012\t94513\t1795561427.9720721\tgzip\n";

    [Fact]
    public void Reference_lines_round_trip_byte_for_byte()
    {
        using var home = new TempBarman();
        File.WriteAllText(XlogDb.PathFor(home.Server), Reference);

        var entries = XlogDb.ReadAll(home.Server);
        XlogDb.Rewrite(home.Server, entries);

        Assert.Equal(4, entries.Count);
        Assert.Equal(Reference, File.ReadAllText(XlogDb.PathFor(home.Server)));
    }

    [Fact]
    public void A_torn_last_line_is_ignored_then_cut_before_the_next_append()
    {
        // Arrange: a crash left half a line
        using var home = new TempBarman();
        File.WriteAllText(XlogDb.PathFor(home.Server), Reference + "000000010000000000000013\t242");

        // Act
        var before = XlogDb.ReadAll(home.Server);
        using (var appender = XlogDb.OpenAppender(home.Server))
        {
            appender.Append([new XlogDbEntry("000000010000000000000013", 24209, 1795561671.0717967, "gzip")]);
        }

        // Assert
        Assert.Equal(4, before.Count);
        Assert.Equal(Reference + "000000010000000000000013\t24209\t1795561671.0717967\tgzip\n", File.ReadAllText(XlogDb.PathFor(home.Server)));
    }
}
