// Tests of WalSegmentName: the forms of WAL file names and segment arithmetic at 16 MiB and 64 MiB.
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class WalSegmentNameTests
{
    private const long Size64MiB = 64L * 1024 * 1024;

    [Fact]
    public void A_segment_name_has_timeline_log_and_segment()
    {
        var name = WalSegmentName.Parse("000000020000000A000000FE");
        Assert.Equal((2u, 10u, 0xFEu, WalFileKind.Segment), (name.Timeline, name.Log, name.Segment, name.Kind));
        Assert.Equal("000000020000000A", name.HashDirectory);
        Assert.Equal("000000020000000A000000FE", name.BaseName);
    }

    [Fact]
    public void Next_wraps_segment_FF_into_the_next_log_at_16_MiB()
    {
        Assert.Equal("000000010000000100000000", WalSegmentName.Parse("0000000100000000000000FF").Next().Name);
        Assert.Equal("000000010000000000000013", WalSegmentName.Parse("000000010000000000000012").Next().Name);
    }

    [Fact]
    public void Next_wraps_segment_3F_into_the_next_log_at_64_MiB()
    {
        Assert.Equal(64UL, WalSegmentName.SegmentsPerLog(Size64MiB));
        Assert.Equal("000000010000000100000000", WalSegmentName.Parse("00000001000000000000003F").Next(Size64MiB).Name);
        Assert.Equal("000000010000000000000040", WalSegmentName.Parse("00000001000000000000003F").Next().Name);
    }

    [Fact]
    public void SegmentNumber_and_FromSegmentNumber_are_inverse()
    {
        var name = WalSegmentName.Parse("00000001000000050000002A");
        Assert.Equal((5UL * 256) + 0x2A, name.SegmentNumber());
        Assert.Equal(name.Name, WalSegmentName.FromSegmentNumber(1, name.SegmentNumber()).Name);
        Assert.Equal((5UL * 64) + 0x2A, name.SegmentNumber(Size64MiB));
    }

    [Fact]
    public void Partial_backup_and_history_files_are_recognised()
    {
        var partial = WalSegmentName.Parse("000000010000000000000013.partial");
        Assert.Equal((WalFileKind.Partial, "000000010000000000000013", "0000000100000000"), (partial.Kind, partial.BaseName, partial.HashDirectory));

        var backup = WalSegmentName.Parse("000000010000000000000007.00000028.backup");
        Assert.Equal((WalFileKind.BackupLabel, 7u, "000000010000000000000007"), (backup.Kind, backup.Segment, backup.BaseName));

        var history = WalSegmentName.Parse("00000002.history");
        Assert.Equal((WalFileKind.History, 2u, "00000002", string.Empty), (history.Kind, history.Timeline, history.BaseName, history.HashDirectory));
    }

    [Theory]
    [InlineData("00000001000000000000001")]
    [InlineData("0000000100000000000000123")]
    [InlineData("00000001000000000000001g")]
    [InlineData("000000010000000000000012.part")]
    [InlineData("000000010000000000000012.0000028.backup")]
    [InlineData("0000002.history")]
    [InlineData("000000010000000000000012.partial.tmp")]
    [InlineData("backup_label")]
    [InlineData("")]
    public void Other_names_are_not_WAL_files(string name)
    {
        Assert.False(WalSegmentName.IsWalFile(name));
    }
}
