// The backup copy's status line on a terminal: one line rewritten in place, erased before the next output line.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Backup;

namespace Barman.Cli.Output;

/// <summary>Writes <see cref="CopyProgress"/> reports to stdout with carriage returns.</summary>
internal sealed class TerminalProgress(TextWriter stdout) : IProgress<CopyProgress>
{
    private readonly Lock _gate = new();
    private int _width;

    /// <summary>
    /// A reporter when stdout is a terminal and the output is the plain console one (not -q, not -f json); null
    /// otherwise, so that redirected output, cron mails and the golden tests stay byte-equal to barman's.
    /// </summary>
    public static TerminalProgress? For(TextWriter stdout, ParseResult parse) =>
        !Console.IsOutputRedirected && !parse.GetValue(GlobalOptions.Quiet) && parse.GetValue(GlobalOptions.Format) != "json"
            && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb")
            ? new TerminalProgress(stdout)
            : null;

    public void Report(CopyProgress value)
    {
        lock (_gate)
        {
            if (value.Finished)
            {
                if (_width > 0)
                {
                    stdout.Write("\r" + new string(' ', _width) + "\r");
                    _width = 0;
                }
            }
            else
            {
                var text = value.Format();
                stdout.Write("\r" + text.PadRight(_width));
                _width = Math.Max(_width, text.Length);
            }
            stdout.Flush();
        }
    }
}
