// Tests src/Barman.Core/Wal/Signals.cs: finding a process's children (receive-wal --stop's last resort).
using System.Diagnostics;
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class SignalsTests
{
    [Fact]
    public void A_started_child_is_listed_among_the_children_and_goes_away_after_SIGTERM()
    {
        // Arrange
        using var child = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            // Act
            var children = Signals.ChildrenOf(Environment.ProcessId);
            var sent = Signals.Send(child.Id, Signals.SigTerm);

            // Assert
            Assert.Contains(child.Id, children);
            Assert.True(sent);
            Assert.True(child.WaitForExit(10_000));
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    [Fact]
    public void A_process_that_does_not_exist_has_no_children()
    {
        Assert.Empty(Signals.ChildrenOf(int.MaxValue));
    }
}
