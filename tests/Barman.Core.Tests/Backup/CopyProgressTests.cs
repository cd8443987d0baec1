// Tests src/Barman.Core/Backup/CopyProgress.cs: pg_basebackup's --progress lines.
using Barman.Core.Backup;

namespace Barman.Core.Tests.Backup;

public sealed class CopyProgressTests
{
    [Fact]
    public void A_verbose_progress_line_gives_done_and_total()
    {
        // Arrange: the shape pg_basebackup 15 -v --progress writes on a pipe
        const string line = " 7000/22528 kB (31%), 0/1 tablespace (...ackup/base/20261125T121633/data/base/5/2608)";

        // Act
        var progress = CopyProgress.TryParse(line, TimeSpan.FromSeconds(2));

        // Assert
        Assert.NotNull(progress);
        Assert.Equal((7000, 22528), (progress.DoneKb, progress.TotalKb));
        Assert.Equal(TimeSpan.FromSeconds(2), progress.Elapsed);
    }

    [Fact]
    public void Other_stderr_lines_are_not_progress()
    {
        // Arrange + Act
        var other = CopyProgress.TryParse("pg_basebackup: initiating base backup, waiting for checkpoint to complete", TimeSpan.FromSeconds(5));
        var early = CopyProgress.TryParse("0/22528 kB (0%), 0/1 tablespace", TimeSpan.FromMilliseconds(300))!;

        // Assert
        Assert.Null(other);
        Assert.Equal((0, 22528), (early.DoneKb, early.TotalKb));
    }
}
