// The terminal progress line shared by backup and recover: its wording, and that it stays off when stdout is not a terminal.
using Barman.Cli.Output;

namespace Barman.Cli.Tests.Recovery;

public sealed class ProgressLineTests
{
    [Fact]
    public void The_line_shows_bytes_total_percentage_rate_and_eta()
    {
        // Act
        var line = ProgressLine.Line(512L << 20, TimeSpan.FromSeconds(2), 1536L << 20);

        // Assert
        Assert.Equal("Copied 512.0 MiB of 1.5 GiB (33%) at 256.0 MiB/s, ETA 4 seconds", line);
    }

    [Fact]
    public void Without_a_total_only_bytes_and_rate_are_shown()
    {
        // Act
        var line = ProgressLine.Line(3L << 20, TimeSpan.FromSeconds(1), null);

        // Assert
        Assert.Equal("Copied 3.0 MiB at 3.0 MiB/s", line);
    }

    [Fact]
    public void No_display_when_stdout_is_not_a_terminal_or_output_is_quiet_or_json()
    {
        // Act / Assert: a StringWriter is never a terminal, whatever the flags
        using var captured = new StringWriter();
        Assert.Null(ProgressLine.ForTerminal(captured, quiet: false, json: false, 100, TimeProvider.System));
        using var stream = new StreamWriter(new MemoryStream());
        Assert.Null(ProgressLine.ForTerminal(stream, quiet: true, json: false, 100, TimeProvider.System));
        Assert.Null(ProgressLine.ForTerminal(stream, quiet: false, json: true, 100, TimeProvider.System));
    }

    [Theory]
    [InlineData("dumb", false)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("xterm-256color", true)]
    [InlineData("linux", true)]
    public void On_a_terminal_the_line_shows_only_when_TERM_can_redraw_it(string? term, bool shown)
    {
        // Act: the rule ForTerminal applies for backup and recover alike
        var shows = ProgressLine.Shows(quiet: false, json: false, interactive: true, term);

        // Assert
        Assert.Equal(shown, shows);
    }

    [Fact]
    public void Quiet_json_or_a_redirected_stdout_hide_the_line_whatever_TERM_says()
    {
        // Act / Assert
        Assert.False(ProgressLine.Shows(quiet: true, json: false, interactive: true, "xterm"));
        Assert.False(ProgressLine.Shows(quiet: false, json: true, interactive: true, "xterm"));
        Assert.False(ProgressLine.Shows(quiet: false, json: false, interactive: false, "xterm"));
    }
}
