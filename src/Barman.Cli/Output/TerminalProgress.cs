// Shows a backup copy's pg_basebackup progress reports on the shared terminal progress line.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Output;

/// <summary>Feeds <see cref="CopyProgress"/> reports (kB done of pg_basebackup's estimate) to a <see cref="ProgressLine"/>.</summary>
internal sealed class TerminalProgress(ProgressLine line) : IProgress<CopyProgress>
{
    /// <summary>
    /// A reporter when <see cref="ProgressLine.ForTerminal"/> gives a line (a terminal, TERM not dumb, not -q, not -f json);
    /// null otherwise, so that redirected output, cron mails and the golden tests stay byte-equal to barman's.
    /// </summary>
    public static TerminalProgress? For(TextWriter stdout, ParseResult parse, TimeProvider clock) =>
        ProgressLine.ForTerminal(stdout, parse.GetValue(GlobalOptions.Quiet), parse.GetValue(GlobalOptions.Format) == "json", null, clock) is { } line
            ? new TerminalProgress(line)
            : null;

    public void Report(CopyProgress value)
    {
        if (value.Finished)
        {
            line.Clear();
        }
        else
        {
            line.Set(value.DoneKb * 1024, value.TotalKb * 1024);
        }
    }
}
