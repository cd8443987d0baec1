// Tests of RetentionPolicy.TryParse against barman's retention policy syntax.
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Configuration;

public sealed class RetentionPolicyTests
{
    [Theory]
    [InlineData("REDUNDANCY 2", "REDUNDANCY 2")]
    [InlineData(" redundancy   3 ", "REDUNDANCY 3")]
    [InlineData("REDUNDANCY 0", "REDUNDANCY 0")]
    [InlineData("RECOVERY WINDOW OF 7 DAYS", "RECOVERY WINDOW OF 7 DAYS")]
    [InlineData("recovery window of 1 day", "RECOVERY WINDOW OF 1 DAYS")]
    [InlineData("RECOVERY  WINDOW  OF 2 WEEK", "RECOVERY WINDOW OF 2 WEEKS")]
    [InlineData("Recovery Window Of 3 Months", "RECOVERY WINDOW OF 3 MONTHS")]
    [InlineData("RECOVERY WINDOW OF 07 DAYS", "RECOVERY WINDOW OF 7 DAYS")]
    public void Valid_policies_parse_and_print_as_barman_prints_them(string text, string printed)
    {
        Assert.Equal(printed, RetentionPolicy.TryParse(text)?.ToString());
    }

    [Theory]
    [InlineData("KEEP FOREVER")]
    [InlineData("REDUNDANCY -1")]
    [InlineData("REDUNDANCY 2 x")]
    [InlineData("REDUNDANCY")]
    [InlineData("RECOVERY WINDOW OF 7 YEARS")]
    [InlineData("RECOVERY WINDOW OF 7 d")]
    [InlineData("RECOVERY WINDOW 7 DAYS")]
    [InlineData("")]
    public void Other_text_is_not_a_policy(string text)
    {
        Assert.Null(RetentionPolicy.TryParse(text));
    }

    [Fact]
    public void The_window_reaches_back_by_its_length_with_31_day_months()
    {
        var now = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(-14), new RetentionPolicy.RecoveryWindow(14, WindowUnit.Days).PointOfRecoverability(now));
        Assert.Equal(now.AddDays(-14), new RetentionPolicy.RecoveryWindow(2, WindowUnit.Weeks).PointOfRecoverability(now));
        Assert.Equal(now.AddDays(-62), new RetentionPolicy.RecoveryWindow(2, WindowUnit.Months).PointOfRecoverability(now));
    }

    [Fact]
    public void A_server_reads_its_policy_from_the_configuration()
    {
        var config = ConfigLoader.Build("/x", [IniDocument.Parse("/x", "[barman]\nretention_policy = REDUNDANCY 2\n[pg]\nconninfo = h\narchiver = on\n[pg2]\nconninfo = h\narchiver = on\nretention_policy = RECOVERY WINDOW OF 14 DAYS\n")]);
        Assert.Equal(new RetentionPolicy.Redundancy(2), config.Servers["pg"].RetentionPolicy);
        Assert.Equal(new RetentionPolicy.RecoveryWindow(14, WindowUnit.Days), config.Servers["pg2"].RetentionPolicy);
    }
}
