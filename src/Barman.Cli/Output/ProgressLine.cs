// One self-rewriting terminal line during a long copy (backup, recover): bytes copied, rate and ETA, on a terminal only.
using System.Globalization;
using Barman.Core.Formatting;

namespace Barman.Cli.Output;

/// <summary>
/// Fed from the copying threads; redraws at most four times a second with a carriage return, and erases itself
/// before the next regular line so transcripts of a terminal session keep barman's lines.
/// </summary>
internal sealed class ProgressLine(TextWriter terminal, long? total, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly long _started = clock.GetTimestamp();
    private long _bytes;
    private long _total = total ?? 0;
    private long _lastDraw;
    private bool _shown;

    /// <summary>A display when <see cref="Shows"/> says so for this process's stdout and TERM; else null.</summary>
    public static ProgressLine? ForTerminal(TextWriter stdout, bool quiet, bool json, long? total, TimeProvider clock) =>
        Shows(quiet, json, stdout is StreamWriter && !Console.IsOutputRedirected, Environment.GetEnvironmentVariable("TERM"))
            ? new ProgressLine(stdout, total, clock)
            : null;

    /// <summary>
    /// The one rule for backup and recover: an interactive terminal that can redraw a line (TERM set and not "dumb":
    /// cron leaves TERM unset, editors' shells set dumb), and output neither quiet nor JSON.
    /// </summary>
    internal static bool Shows(bool quiet, bool json, bool interactive, string? term) =>
        !quiet && !json && interactive && term is not (null or "" or "dumb");

    /// <summary>Counts bytes copied by any thread (recover's tree copy).</summary>
    public void Add(long bytes) => Draw(Interlocked.Add(ref _bytes, bytes));

    /// <summary>Sets the absolute progress reported by a child process (pg_basebackup --progress) and its latest estimate.</summary>
    public void Set(long done, long estimatedTotal)
    {
        Interlocked.Exchange(ref _bytes, done);
        Interlocked.Exchange(ref _total, estimatedTotal);
        Draw(done);
    }

    private void Draw(long done)
    {
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(Interlocked.Read(ref _lastDraw), now) < Interval || !_lock.TryEnter())
        {
            return;
        }
        try
        {
            Interlocked.Exchange(ref _lastDraw, now);
            terminal.Write("\r\u001b[K" + Line(done, clock.GetElapsedTime(_started, now), Interlocked.Read(ref _total) is > 0 and var t ? t : null));
            terminal.Flush();
            _shown = true;
        }
        finally
        {
            _lock.Exit();
        }
    }

    /// <summary>Erases the line (if drawn) so the next line starts at column 0.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_shown)
            {
                terminal.Write("\r\u001b[K");
                terminal.Flush();
                _shown = false;
            }
        }
    }

    /// <summary>"Copied 512.0 MiB of 1.5 GiB (33%) at 450.2 MiB/s, ETA 2 seconds"; no total → no percentage or ETA.</summary>
    internal static string Line(long done, TimeSpan elapsed, long? total)
    {
        var rate = elapsed.TotalSeconds > 0 ? done / elapsed.TotalSeconds : 0;
        var s = "Copied " + HumanFormat.Size(done);
        if (total is > 0 and var t)
        {
            var shown = Math.Min(done, t);
            s += $" of {HumanFormat.Size(t)} ({(shown * 100 / t).ToString(CultureInfo.InvariantCulture)}%)";
        }
        s += $" at {HumanFormat.Size(rate)}/s";
        if (total is > 0 and var all && rate > 0 && all > done)
        {
            s += ", ETA " + HumanFormat.Duration(TimeSpan.FromSeconds(Math.Ceiling((all - done) / rate)));
        }
        return s;
    }
}
