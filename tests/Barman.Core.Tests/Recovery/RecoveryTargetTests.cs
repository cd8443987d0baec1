// The target rules checked before anything is copied (transcript 46 and our own refusals).
using System.Collections.Immutable;
using Barman.Core.Errors;
using Barman.Core.Recovery;

namespace Barman.Core.Tests.Recovery;

public sealed class RecoveryTargetTests
{
    private static readonly RecoverySource Source = new(
        "20261124T230153", "pg-main", "/b", "/b/data", "000000010000000000000011", "000000010000000000000011",
        DateTimeOffset.Parse("2026-11-24T23:01:53.284929Z", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset.Parse("2026-11-24T23:01:54.573840Z", System.Globalization.CultureInfo.InvariantCulture),
        1, 150018, 16777216, "/srv/ref/pg/main", null, null, null, ImmutableArray<TablespaceSource>.Empty, string.Empty);

    [Fact]
    public void Two_targets_are_refused()
    {
        var e = Assert.Throws<RecoveryException>(() => RecoveryTarget.Create("2026-11-24 23:03:35+00:00", "739", null, null, false, false, null, null));

        Assert.Equal("You cannot specify multiple targets for the recovery operation", e.Message);
    }

    [Fact]
    public void A_time_before_the_backup_end_is_refused_with_both_times()
    {
        var target = RecoveryTarget.Create("2026-11-24 23:01:00", null, null, null, false, false, null, null);

        var e = Assert.Throws<RecoveryException>(() => target.Validate(Source, TimeZoneInfo.Utc));

        Assert.Equal("The requested target time 2026-11-24 23:01:00+00:00 is before the backup end time 2026-11-24 23:01:54.573840+00:00", e.Message);
    }

    [Fact]
    public void An_action_without_a_target_is_refused()
    {
        var e = Assert.Throws<RecoveryException>(() => (RecoveryTarget.None with { Action = "promote" }).Validate(Source, TimeZoneInfo.Utc));

        Assert.Equal("Can't enable recovery target action when PITR is not required", e.Message);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("current", true)]
    [InlineData("latest", true)]
    [InlineData("0", false)]
    [InlineData("two", false)]
    public void Timelines_are_a_positive_number_or_a_keyword(string text, bool valid)
    {
        Assert.Equal(valid, RecoveryTarget.IsValidTimeline(text));
    }

    [Fact]
    public void The_pitr_line_prints_the_normalised_time()
    {
        var target = RecoveryTarget.None with { Time = "Nov 24 2026 11:03:29 PM" };

        var time = target.Validate(Source, TimeZoneInfo.Utc);

        Assert.Equal("Doing PITR. Recovery target time: '2026-11-24 23:03:29+00:00'", target.Describe(time));
    }
}
