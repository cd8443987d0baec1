// Tests src/Barman.Core/Retention/RetentionCalculator.cs against the words of transcripts 55, 60, 62 and layout/10.
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Retention;
using Microsoft.Extensions.Time.Testing;

namespace Barman.Core.Tests.Retention;

public sealed class RetentionCalculatorTests
{
    private const string Done = BackupInfo.StatusDone;

    // The doctored catalog of transcript 62: backups ended 20, 12, 9, 3 and 1 days before 2026-11-24 23:00 UTC (+2 s).
    private static List<RetentionCandidate> Doctored(string? keepOldest = null) =>
    [
        new("20261104T230000", Done, new DateTimeOffset(2026, 11, 4, 23, 0, 2, TimeSpan.Zero), keepOldest),
        new("20261112T230000", Done, new DateTimeOffset(2026, 11, 12, 23, 0, 2, TimeSpan.Zero), null),
        new("20261115T230000", Done, new DateTimeOffset(2026, 11, 15, 23, 0, 2, TimeSpan.Zero), null),
        new("20261121T230000", Done, new DateTimeOffset(2026, 11, 21, 23, 0, 2, TimeSpan.Zero), null),
        new("20261123T230000", Done, new DateTimeOffset(2026, 11, 23, 23, 0, 2, TimeSpan.Zero), null),
    ];

    private static string[] Words(IEnumerable<RetentionCandidate> backups, RetentionPolicy policy, int minimum, TimeProvider clock)
    {
        var verdicts = RetentionCalculator.Apply(backups, policy, minimum, clock.GetUtcNow());
        return [.. verdicts.Values.OrderBy(v => v.BackupId, StringComparer.Ordinal).Select(v => v.Status)];
    }

    [Fact]
    public void Recovery_window_keeps_the_newest_backup_before_the_window_and_obsoletes_older_ones()
    {
        // Arrange: the clock of transcript 62
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 12, 28, TimeSpan.Zero));

        // Act
        var words = Words(Doctored(), new RetentionPolicy.RecoveryWindow(7, WindowUnit.Days), 1, clock);

        // Assert
        Assert.Equal(["OBSOLETE", "OBSOLETE", "VALID", "VALID", "VALID"], words);
    }

    [Fact]
    public void Minimum_redundancy_turns_the_first_obsolete_one_into_potentially_obsolete()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 12, 33, TimeSpan.Zero));

        // Act
        var words = Words(Doctored(), new RetentionPolicy.RecoveryWindow(7, WindowUnit.Days), 4, clock);

        // Assert
        Assert.Equal(["OBSOLETE", "OBSOLETE*", "VALID", "VALID", "VALID"], words);
    }

    [Fact]
    public void A_keep_full_backup_shows_keep_instead_of_obsolete()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 12, 34, TimeSpan.Zero));

        // Act
        var one = Words(Doctored(KeepAnnotation.Full), new RetentionPolicy.RecoveryWindow(7, WindowUnit.Days), 1, clock);
        var four = Words(Doctored(KeepAnnotation.Full), new RetentionPolicy.RecoveryWindow(7, WindowUnit.Days), 4, clock);

        // Assert
        Assert.Equal(["KEEP:FULL", "OBSOLETE", "VALID", "VALID", "VALID"], one);
        Assert.Equal(["KEEP:FULL", "OBSOLETE*", "VALID", "VALID", "VALID"], four);
    }

    [Fact]
    public void Moving_time_forward_makes_backups_obsolete_without_sleeping()
    {
        // Arrange
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 23, 12, 28, TimeSpan.Zero));
        var policy = new RetentionPolicy.RecoveryWindow(1, WindowUnit.Weeks);

        // Act
        var before = Words(Doctored(), policy, 1, clock);
        clock.Advance(TimeSpan.FromDays(7));
        var after = Words(Doctored(), policy, 1, clock);

        // Assert
        Assert.Equal(["OBSOLETE", "OBSOLETE", "VALID", "VALID", "VALID"], before);
        // a week later even the newest backup ended before the window: it alone is kept
        Assert.Equal(["OBSOLETE", "OBSOLETE", "OBSOLETE", "OBSOLETE", "VALID"], after);
    }

    [Fact]
    public void A_month_is_31_days_as_in_barman()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

        // Act
        var point = RetentionCalculator.PointOfRecoverability(new RetentionPolicy.RecoveryWindow(1, WindowUnit.Months), now);

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero), point);
    }

    [Fact]
    public void Redundancy_counts_done_and_kept_backups_and_skips_waiting_ones()
    {
        // Arrange: transcript 60's pg-alt: [WAITING, WAITING, DONE, DONE, DONE, KEEP standalone] newest first
        var t = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);
        RetentionCandidate[] backups =
        [
            new("20261124T230832", Done, t, KeepAnnotation.Standalone),
            new("20261124T231018", Done, t, null),
            new("20261124T231040", Done, t, null),
            new("20261124T231201", Done, t, null),
            new("20261124T231202", BackupInfo.StatusWaitingForWals, t, null),
            new("20261124T231203", BackupInfo.StatusWaitingForWals, t, null),
        ];

        // Act
        var words = Words(backups, new RetentionPolicy.Redundancy(2), 1, TimeProvider.System);

        // Assert
        Assert.Equal(["KEEP:STANDALONE", "OBSOLETE", "VALID", "VALID", "-", "-"], words);
    }

    [Fact]
    public void Minimum_redundancy_above_the_redundancy_raises_it_and_keep_still_counts()
    {
        // Arrange: transcript 55 with minimum_redundancy = 3: [DONE, KEEP standalone, DONE, DONE] oldest first
        var t = new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero);
        RetentionCandidate[] backups =
        [
            new("20261124T230152", Done, t, null),
            new("20261124T230832", Done, t, KeepAnnotation.Standalone),
            new("20261124T230837", Done, t, null),
            new("20261124T230840", Done, t, null),
        ];

        // Act
        var words = Words(backups, new RetentionPolicy.Redundancy(2), 3, TimeProvider.System);

        // Assert
        Assert.Equal(["OBSOLETE", "KEEP:STANDALONE", "VALID", "VALID"], words);
    }

    [Fact]
    public void Every_verdict_carries_a_reason()
    {
        // Act
        var verdicts = RetentionCalculator.Apply(Doctored(), new RetentionPolicy.RecoveryWindow(7, WindowUnit.Days), 4,
            new DateTimeOffset(2026, 11, 24, 23, 12, 28, TimeSpan.Zero));

        // Assert
        Assert.All(verdicts.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Reason)));
        Assert.Contains("minimum_redundancy 4", verdicts["20261112T230000"].Reason, StringComparison.Ordinal);
    }
}
