// Tests src/Barman.Core/Backup/CopyProgress.cs: pg_basebackup's --progress lines, rate and ETA.
using Barman.Core.Backup;

namespace Barman.Core.Tests.Backup;

public sealed class CopyProgressTests
{
    [Fact]
    public void A_verbose_progress_line_gives_done_and_total_and_the_status_line_has_rate_and_eta()
    {
        // Arrange: the shape pg_basebackup 15 -v --progress writes on a pipe
        const string line = " 7000/22528 kB (31%), 0/1 tablespace (...ackup/base/20261125T121633/data/base/5/2608)";

        // Act
        var progress = CopyProgress.TryParse(line, TimeSpan.FromSeconds(2));

        // Assert
        Assert.NotNull(progress);
        Assert.Equal((7000, 22528), (progress.DoneKb, progress.TotalKb));
        Assert.Equal(3_584_000, progress.Rate);
        Assert.Equal("Copying: 6.8 MiB of 22.0 MiB (31%), 3.4 MiB/s, ETA 4 seconds", progress.Format());
    }

    [Fact]
    public void Other_stderr_lines_are_not_progress_and_no_rate_is_shown_before_one_second()
    {
        // Arrange + Act
        var other = CopyProgress.TryParse("pg_basebackup: initiating base backup, waiting for checkpoint to complete", TimeSpan.FromSeconds(5));
        var early = CopyProgress.TryParse("0/22528 kB (0%), 0/1 tablespace", TimeSpan.FromMilliseconds(300))!;

        // Assert
        Assert.Null(other);
        Assert.Null(early.Eta);
        Assert.Equal("Copying: 0 B of 22.0 MiB (0%)", early.Format());
    }
}
