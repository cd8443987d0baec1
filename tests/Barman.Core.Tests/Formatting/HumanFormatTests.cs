// Tests of HumanFormat against the values barman (Python) prints.
using System.Globalization;
using Barman.Core.Formatting;

namespace Barman.Core.Tests.Formatting;

public sealed class HumanFormatTests
{
    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(-96, "-96 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1023.9, "1023 B")]
    [InlineData(-1023.7, "-1023 B")]
    [InlineData(95.6, "95 B")]
    [InlineData(1024, "1.0 KiB")]
    [InlineData(16449, "16.1 KiB")]
    [InlineData(32973, "32.2 KiB")]
    [InlineData(23178342, "22.1 MiB")]
    [InlineData(-5242880, "-5.0 MiB")]
    [InlineData(1342177280.0, "1.2 GiB")]
    public void Size_prints_bytes_below_1024_as_integers_and_one_decimal_above(double bytes, string expected)
    {
        // Act + Assert
        Assert.Equal(expected, HumanFormat.Size(bytes));
    }

    [Theory]
    [InlineData(1280, "1.2 KiB")] // 1.25 exactly: Python rounds half to even
    [InlineData(1536, "1.5 KiB")]
    [InlineData(1177.6, "1.1 KiB")] // 1.15 is stored as 1.1499999...: rounds down
    [InlineData(1945.6, "1.9 KiB")]
    public void Size_rounds_like_python_percent_format(double bytes, string expected)
    {
        Assert.Equal(expected, HumanFormat.Size(bytes));
    }

    [Fact]
    public void Size_stops_at_yobibytes()
    {
        Assert.Equal("1.0 YiB", HumanFormat.Size(Math.Pow(2, 80)));
    }

    [Theory]
    [InlineData(0, "less than one second")]
    [InlineData(0.4, "less than one second")]
    [InlineData(1, "1 second")]
    [InlineData(2, "2 seconds")]
    [InlineData(61, "1 minute, 1 second")]
    [InlineData(3725, "1 hour, 2 minutes, 5 seconds")]
    [InlineData(90061, "1 day, 1 hour, 1 minute, 1 second")]
    public void Duration_reads_like_barman(double seconds, string expected)
    {
        Assert.Equal(expected, HumanFormat.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("2026-11-04T23:00:02", "Wed Nov  4 23:00:02 2026")]
    [InlineData("2026-11-24T23:01:54", "Tue Nov 24 23:01:54 2026")]
    [InlineData("2027-01-01T00:00:00", "Fri Jan  1 00:00:00 2027")]
    public void CTime_pads_the_day_with_a_space(string local, string expected)
    {
        var time = DateTime.Parse(local, CultureInfo.InvariantCulture);
        Assert.Equal(expected, HumanFormat.CTime(time));
    }

    [Fact]
    public void IsoWithOffset_prints_microseconds_and_offset()
    {
        var value = new DateTimeOffset(2026, 11, 24, 23, 1, 6, TimeSpan.Zero).AddTicks(6865040);
        Assert.Equal("2026-11-24 23:01:06.686504+00:00", HumanFormat.IsoWithOffset(value));
    }

    [Fact]
    public void IsoWithOffset_omits_a_zero_fraction_and_keeps_other_offsets()
    {
        var value = new DateTimeOffset(2026, 11, 24, 23, 1, 6, TimeSpan.FromHours(-5.5));
        Assert.Equal("2026-11-24 23:01:06-05:30", HumanFormat.IsoWithOffset(value));
    }
}
