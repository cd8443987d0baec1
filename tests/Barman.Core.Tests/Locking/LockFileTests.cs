// Tests of LockFile: exclusion inside one process, PID content, mode 0600, and probing without side effects.
using System.Globalization;
using System.Runtime.Versioning;
using Barman.Core.Errors;
using Barman.Core.Locking;

namespace Barman.Core.Tests.Locking;

[SupportedOSPlatform("linux")]
public sealed class LockFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("barman-lock-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string LockPath => Path.Combine(_dir, ".pg-main-cron.lock");

    [Fact]
    public void A_second_TryAcquire_returns_null_while_the_first_is_held()
    {
        // Arrange
        using var first = LockFile.TryAcquire(LockPath);

        // Act
        var second = LockFile.TryAcquire(LockPath);

        // Assert
        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public void The_lock_can_be_taken_again_after_dispose_and_the_file_stays()
    {
        LockFile.TryAcquire(LockPath)!.Dispose();
        using var again = LockFile.TryAcquire(LockPath);
        Assert.NotNull(again);
        Assert.True(File.Exists(LockPath));
    }

    [Fact]
    public void ReadPid_works_while_the_lock_is_held()
    {
        using var held = LockFile.TryAcquire(LockPath);
        Assert.Equal(Environment.ProcessId, LockFile.ReadPid(LockPath));
    }

    [Fact]
    public void The_file_holds_our_pid_and_a_newline_with_mode_0600()
    {
        // Act: the content is read after release (.NET's own file reads take a shared flock, refused while held).
        LockFile.TryAcquire(LockPath)!.Dispose();

        // Assert
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n", File.ReadAllText(LockPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(LockPath));
    }

    [Fact]
    public void A_stale_pid_is_replaced_by_the_new_holder()
    {
        File.WriteAllText(LockPath, "99999999\nleftover bytes\n");
        LockFile.TryAcquire(LockPath)!.Dispose();
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n", File.ReadAllText(LockPath));
    }

    [Fact]
    public void IsHeld_reports_the_state_without_overwriting_the_pid()
    {
        // Arrange: a previous holder's PID, then a missing file.
        Assert.False(LockFile.IsHeld(LockPath));
        File.WriteAllText(LockPath, "4242\n");

        // Act + Assert: probing an unheld lock leaves the last holder's PID.
        Assert.False(LockFile.IsHeld(LockPath));
        Assert.Equal("4242\n", File.ReadAllText(LockPath));
        using (LockFile.TryAcquire(LockPath))
        {
            Assert.True(LockFile.IsHeld(LockPath));
            Assert.True(LockFile.IsHeld(LockPath));
            Assert.Equal(Environment.ProcessId, LockFile.ReadPid(LockPath));
        }
        Assert.False(LockFile.IsHeld(LockPath));
        Assert.Equal(Environment.ProcessId, LockFile.ReadPid(LockPath));
    }

    [Fact]
    public void Acquire_throws_the_busy_message_when_held()
    {
        using var held = LockFile.TryAcquire(LockPath);
        var e = Assert.Throws<LockFileBusyException>(() => LockFile.Acquire(LockPath, "Another cron is running"));
        Assert.Equal("Another cron is running", e.Message);
    }

    [Fact]
    public async Task AcquireWaiting_gives_up_after_the_timeout()
    {
        using var held = LockFile.TryAcquire(LockPath);
        var waited = await LockFile.AcquireWaitingAsync(LockPath, TimeSpan.FromMilliseconds(250), TimeProvider.System, CancellationToken.None);
        Assert.Null(waited);
    }
}
