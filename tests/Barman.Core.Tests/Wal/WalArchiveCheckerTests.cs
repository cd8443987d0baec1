// check-wal-archive's rule: an empty archive, or nothing on the given timeline or later.
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class WalArchiveCheckerTests
{
    [Fact]
    public void Without_timeline_only_an_empty_archive_passes()
    {
        Assert.Null(WalArchiveChecker.Problem([], null));
        Assert.Equal("Expected empty archive", WalArchiveChecker.Problem(["000000010000000000000012"], null));
    }

    [Fact]
    public void With_a_timeline_older_timelines_pass_and_that_one_fails()
    {
        Assert.Null(WalArchiveChecker.Problem(["000000010000000000000012", "00000002.history"], 2));
        Assert.NotNull(WalArchiveChecker.Problem(["000000020000000000000013"], 2));
    }
}
