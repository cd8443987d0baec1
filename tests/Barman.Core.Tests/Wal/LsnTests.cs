// Tests of Lsn: parsing, printing and the segment a position falls in.
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class LsnTests
{
    [Theory]
    [InlineData("0/12042F90", 0x12042F90UL)]
    [InlineData("0/0", 0UL)]
    [InlineData("1/0", 0x100000000UL)]
    [InlineData("FFFFFFFF/FFFFFFFF", ulong.MaxValue)]
    [InlineData("a/b", 0xA0000000BUL)]
    public void Parse_reads_high_and_low_halves(string text, ulong value)
    {
        Assert.Equal(value, Lsn.Parse(text).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12042F90")]
    [InlineData("0/")]
    [InlineData("/1")]
    [InlineData("0/1/2")]
    [InlineData("G/1")]
    [InlineData("100000000/0")]
    [InlineData(null)]
    public void TryParse_rejects_malformed_text(string? text)
    {
        Assert.False(Lsn.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0/12042F90")]
    [InlineData("0/0")]
    [InlineData("1/A")]
    [InlineData("FFFFFFFF/FFFFFFFF")]
    public void ToString_prints_upper_case_hex_without_padding(string text)
    {
        Assert.Equal(text, Lsn.Parse(text).ToString());
    }

    [Fact]
    public void Segment_and_offset_follow_the_16_MiB_default()
    {
        // From the reference: "Backup start at LSN: 0/4000060 (000000010000000000000004, 00000060)".
        var lsn = Lsn.Parse("0/4000060");
        Assert.Equal("000000010000000000000004", lsn.Segment(1).Name);
        Assert.Equal(0x60, lsn.SegmentOffset());
    }

    [Fact]
    public void Segment_crosses_into_the_next_log_after_FF()
    {
        Assert.Equal("0000000100000000000000FF", Lsn.Parse("0/FFFFFFFF").Segment(1).Name);
        Assert.Equal("000000010000000100000000", Lsn.Parse("1/0").Segment(1).Name);
    }

    [Fact]
    public void Segment_uses_the_given_segment_size()
    {
        const long size64 = 64L * 1024 * 1024;
        var lsn = Lsn.Parse("0/FC000001");
        Assert.Equal("00000002000000000000003F", lsn.Segment(2, size64).Name);
        Assert.Equal(1, lsn.SegmentOffset(size64));
    }

    [Fact]
    public void Comparison_orders_by_position()
    {
        Assert.True(Lsn.Parse("0/FFFFFFFF") < Lsn.Parse("1/0"));
        Assert.True(Lsn.Parse("1/0") >= Lsn.Parse("1/0"));
        Assert.Equal(-1, Lsn.Parse("0/1").CompareTo(Lsn.Parse("0/2")));
    }
}
