// Progress of a pg_basebackup copy, read from its own --progress lines (the CLI draws it: Cli/Output/ProgressLine).
using System.Globalization;
using System.Text.RegularExpressions;

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

    [GeneratedRegex(@"^\s*(\d+)/(\d+) kB \(\d+%\)")]
    private static partial Regex ProgressLine();
}
