// The options barman accepts before the verb: -v -c --color --log-level -q -d -f (first option string as barman declares it).
using System.CommandLine;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Hosting;

/// <summary>Global options, declared once and added to the root command.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Config = new("-c", "--config")
    {
        Description = "uses a configuration file (defaults: ~/.barman.conf, /etc/barman.conf, /etc/barman/barman.conf)",
        HelpName = "CONFIG",
    };

    public static readonly Option<string> Color = MakeColor();

    public static readonly Option<string?> LogLevel = MakeLogLevel();

    public static readonly Option<bool> Quiet = new("-q", "--quiet") { Description = "be quiet" };

    public static readonly Option<bool> Debug = new("-d", "--debug") { Description = "debug output" };

    public static readonly Option<string> Format = MakeFormat();

    public static readonly Option<bool> Version = new("-v", "--version") { Description = "show program's version number and exit" };

    /// <summary>In barman's declaration order, which is the order of its usage line and help.</summary>
    public static IEnumerable<Option> All => [Version, Config, Color, LogLevel, Quiet, Debug, Format];

    private static Option<string> MakeColor()
    {
        return new Option<string>("--color", "--colour") { Description = "Whether to use colors in the output", DefaultValueFactory = _ => "auto" }
            .Choices("never", "always", "auto");
    }

    private static Option<string?> MakeLogLevel()
    {
        return new Option<string?>("--log-level") { Description = "Override the default log level" }
            .Choices("NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    }

    private static Option<string> MakeFormat()
    {
        return new Option<string>("-f", "--format") { Description = "output format", DefaultValueFactory = _ => "console" }
            .Choices("console", "json");
    }
}
