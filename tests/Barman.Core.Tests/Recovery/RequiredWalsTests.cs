// WAL selection over the reference xlog.db (layout/04): what recover copied in layout/recover-*.txt.
using Barman.Core.Catalog;
using Barman.Core.Recovery;

namespace Barman.Core.Tests.Recovery;

public sealed class RequiredWalsTests
{
    // Cut from layout/04-xlog-db-and-wals.txt (pg-main).
    private static readonly XlogDbEntry[] XlogDb =
    [
        .. new[]
        {
            "000000010000000000000010\t16391\t1795561313.35624\tgzip",
            "000000010000000000000011\t16461\t1795561313.5158105\tgzip",
            "000000010000000000000011.00000028.backup\t200\t1795561313.5239282\tgzip",
            "000000010000000000000012\t94513\t1795561427.9720721\tgzip",
            "000000010000000000000013\t24209\t1795561671.0717967\tgzip",
            "00000002.history\t42\t1795561700.0\tgzip",
            "000000020000000000000013\t24209\t1795561701.0\tgzip",
        }.Select(l => XlogDbEntry.TryParse(l)!),
    ];

    private static string[] Names(IEnumerable<XlogDbEntry> e) => [.. e.Select(x => x.Name)];

    [Fact]
    public void Without_a_time_every_file_from_the_backup_on_its_timeline_is_taken()
    {
        var selected = RequiredWals.Select(XlogDb, "000000010000000000000011", "000000010000000000000011", 1, null);

        Assert.Equal(
            ["000000010000000000000011", "000000010000000000000011.00000028.backup", "000000010000000000000012", "000000010000000000000013", "00000002.history"],
            Names(selected));
    }

    [Fact]
    public void With_a_target_time_the_first_later_segment_is_the_last_one_taken()
    {
        // 2026-11-24 23:03:29.646049 UTC (transcript 35): segment 12 was archived after it and still holds batch 2's commit.
        var target = DateTimeOffset.Parse("2026-11-24T23:03:29.646049Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0;

        var selected = RequiredWals.Select(XlogDb, "000000010000000000000011", "000000010000000000000011", 1, target);

        Assert.Equal(["000000010000000000000011", "000000010000000000000011.00000028.backup", "000000010000000000000012"], Names(selected));
    }

    [Fact]
    public void A_later_timeline_is_included_only_when_asked_for()
    {
        var selected = RequiredWals.Select(XlogDb, "000000010000000000000011", "000000010000000000000011", uint.MaxValue, null);

        Assert.Contains("000000020000000000000013", Names(selected));
    }
}
