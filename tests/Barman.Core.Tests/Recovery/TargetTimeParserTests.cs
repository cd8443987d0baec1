// Target times parse as barman's (dateutil) do and print as Python's str(datetime) (transcripts 35, 46, 47).
using Barman.Core.Errors;
using Barman.Core.Formatting;
using Barman.Core.Recovery;

namespace Barman.Core.Tests.Recovery;

public sealed class TargetTimeParserTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

    [Theory]
    [InlineData("2026-11-24 23:03:29.646049+00:00", "2026-11-24 23:03:29.646049+00:00")]
    [InlineData("2026-11-24 23:03:29", "2026-11-24 23:03:29+00:00")]
    [InlineData("Nov 24 2026 11:03:29 PM", "2026-11-24 23:03:29+00:00")]
    [InlineData("2026-11-24T23:03:29Z", "2026-11-24 23:03:29+00:00")]
    [InlineData("2026-11-24 23:03:29+05:30", "2026-11-24 23:03:29+05:30")]
    [InlineData("20261124T230329", "2026-11-24 23:03:29+00:00")]
    public void Parses_like_the_reference_in_UTC(string typed, string printed)
    {
        // Act
        var value = TargetTimeParser.Parse(typed, TimeZoneInfo.Utc);

        // Assert
        Assert.Equal(printed, HumanFormat.IsoWithOffset(value));
    }

    [Fact]
    public void A_naive_time_takes_the_local_zone()
    {
        var value = TargetTimeParser.Parse("2026-11-24 23:03:29", Plus2);

        Assert.Equal("2026-11-24 23:03:29+02:00", HumanFormat.IsoWithOffset(value));
    }

    [Fact]
    public void An_unparsable_time_gives_the_reference_message()
    {
        var e = Assert.Throws<RecoveryException>(() => TargetTimeParser.Parse("not a time", TimeZoneInfo.Utc));

        Assert.Equal("Unable to parse the target time parameter 'not a time': Unknown string format: not a time", e.Message);
    }
}
