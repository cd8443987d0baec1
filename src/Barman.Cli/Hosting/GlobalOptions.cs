// The options barman accepts before the verb: -c -q -d -f --log-level --color -v.
using System.CommandLine;

namespace Barman.Cli.Hosting;

/// <summary>Global options, declared once and added to the root command.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Config = new("--config", "-c")
    {
        Description = "uses a configuration file (defaults: ~/.barman.conf, /etc/barman.conf, /etc/barman/barman.conf)",
        HelpName = "CONFIG",
    };

    public static readonly Option<string> Color = MakeColor();

    public static readonly Option<string?> LogLevel = MakeLogLevel();

    public static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "be quiet" };

    public static readonly Option<bool> Debug = new("--debug", "-d") { Description = "debug output" };

    public static readonly Option<string> Format = MakeFormat();

    public static readonly Option<bool> Version = new("--version", "-v") { Description = "show program's version number and exit" };

    public static IEnumerable<Option> All => [Version, Config, Color, LogLevel, Quiet, Debug, Format];

    private static Option<string> MakeColor()
    {
        var o = new Option<string>("--color", "--colour") { Description = "Whether to use colors in the output", DefaultValueFactory = _ => "auto" };
        o.AcceptOnlyFromAmong("never", "always", "auto");
        return o;
    }

    private static Option<string?> MakeLogLevel()
    {
        var o = new Option<string?>("--log-level") { Description = "Override the default log level" };
        o.AcceptOnlyFromAmong("NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
        return o;
    }

    private static Option<string> MakeFormat()
    {
        var o = new Option<string>("--format", "-f") { Description = "output format", DefaultValueFactory = _ => "console" };
        o.AcceptOnlyFromAmong("console", "json");
        return o;
    }
}
