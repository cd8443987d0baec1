// Progress of a pg_basebackup copy, read from its own --progress lines, with rate and ETA for a terminal status line.
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Core.Formatting;

namespace Barman.Core.Backup;

/// <summary>How far the copy is: kB done and expected (pg_basebackup's estimate), time since it started.</summary>
public sealed partial record CopyProgress(long DoneKb, long TotalKb, TimeSpan Elapsed, bool Finished = false)
{
    /// <summary>Parses a pg_basebackup progress line such as <c>12345/22000 kB (56%), 0/1 tablespace (...)</c>.</summary>
    public static CopyProgress? TryParse(string line, TimeSpan elapsed)
    {
        var m = ProgressLine().Match(line);
        return m.Success
            ? new CopyProgress(long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), elapsed)
            : null;
    }

    /// <summary>Bytes per second so far (0 before the first second).</summary>
    public double Rate => Elapsed.TotalSeconds >= 1 ? DoneKb * 1024.0 / Elapsed.TotalSeconds : 0;

    /// <summary>Time left at the current rate, or null while the rate is unknown.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, TotalKb - DoneKb) * 1024.0 / Rate) : null;

    /// <summary>The status line: <c>Copying: 12.3 MiB of 22.1 MiB (55%), 5.1 MiB/s, ETA 2 seconds</c>.</summary>
    public string Format()
    {
        var percent = TotalKb > 0 ? Math.Min(100, DoneKb * 100 / TotalKb) : 0;
        var text = $"Copying: {HumanFormat.Size(DoneKb * 1024)} of {HumanFormat.Size(TotalKb * 1024)} ({percent.ToString(CultureInfo.InvariantCulture)}%)";
        if (Rate > 0)
        {
            text += $", {HumanFormat.Size((long)Rate)}/s";
        }
        if (Eta is { } eta)
        {
            text += $", ETA {HumanFormat.Duration(eta)}";
        }
        return text;
    }

    [GeneratedRegex(@"^\s*(\d+)/(\d+) kB \(\d+%\)")]
    private static partial Regex ProgressLine();
}
