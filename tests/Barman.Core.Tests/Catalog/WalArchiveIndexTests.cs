// Tests src/Barman.Core/Catalog/WalArchiveIndex.cs: the regex-free name classification and the sorted load.
using Barman.Core.Catalog;
using Barman.Core.Wal;

namespace Barman.Core.Tests.Catalog;

public sealed class WalArchiveIndexTests
{
    [Theory]
    [InlineData("000000010000000000000007")]
    [InlineData("0000000A00000001000000FF")]
    [InlineData("000000010000000000000007.partial")]
    [InlineData("00000001000000000000000B.00000028.backup")]
    [InlineData("00000002.history")]
    [InlineData("0000000200000000000000AB")]
    [InlineData("00000001000000000000000b")]
    [InlineData("00000001000000000000000")]
    [InlineData("0000000100000000000000070")]
    [InlineData("000000010000000000000007.backup")]
    [InlineData("00000001000000000000000B.0000002G.backup")]
    [InlineData("000000010000000000000007.partial.gz")]
    [InlineData("0000000G.history")]
    [InlineData("00000002.historyx")]
    [InlineData("xlog.db")]
    [InlineData("")]
    public void Classify_agrees_with_WalSegmentName(string name)
    {
        // Act
        var (kind, timeline) = WalArchiveIndex.Classify(name);

        // Assert
        var parsed = WalSegmentName.TryParse(name, out var expected);
        Assert.Equal(parsed ? expected.Kind : null, kind);
        Assert.Equal(parsed ? expected.Timeline : 0u, timeline);
    }

    [Fact]
    public void Entries_are_sorted_by_name_and_duplicates_keep_their_order()
    {
        // Arrange
        XlogDbEntry[] entries =
        [
            new("000000010000000000000003", 1, 1, null),
            new("000000010000000000000002", 2, 2, null),
            new("000000010000000000000003", 3, 3, null),
        ];

        // Act
        var index = WalArchiveIndex.From(entries);

        // Assert
        Assert.Equal([2L, 1L, 3L], index.Entries.Select(e => e.Size));
    }
}
