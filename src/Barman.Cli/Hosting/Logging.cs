// Serilog to log_file in barman's line format: "YYYY-MM-DD HH:MM:SS,mmm [PID] barman.module LEVEL: message".
using System.Globalization;
using Barman.Core.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Barman.Cli.Hosting;

/// <summary>Configures the process-wide logger (configured in code: no settings reader, AOT-safe).</summary>
internal static class Logging
{
    /// <summary>Starts logging to <paramref name="logFile"/>; returns a warning when the file cannot be written.</summary>
    public static string? Start(string? logFile, string level)
    {
        if (string.IsNullOrWhiteSpace(logFile))
        {
            return null;
        }
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(logFile));
            if (dir is not null)
            {
                Directory.CreateDirectory(dir);
            }
            // Probe: Serilog's file sink swallows open errors, but the operator must hear about them.
            using (new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"Failed opening the requested log file. Using standard error instead. ({logFile}: {e.Message})";
        }
        var minimum = ToSerilog(level);
        BarmanLog.Defer(() => new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .WriteTo.File(new BarmanLineFormatter(), logFile, shared: true)
            .CreateLogger());
        return null;
    }

    /// <summary>Flushes and closes the log file (nothing to do when no line was logged).</summary>
    public static void Stop()
    {
        BarmanLog.Defer(null); // nothing was logged: no file logger to create any more
        Log.CloseAndFlush();
    }

    private static LogEventLevel ToSerilog(string level) => level.ToUpperInvariant() switch
    {
        "DEBUG" or "NOTSET" => LogEventLevel.Debug,
        "WARNING" => LogEventLevel.Warning,
        "ERROR" => LogEventLevel.Error,
        "CRITICAL" => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };

    /// <summary>Barman's log line; the source defaults to barman.cli.</summary>
    private sealed class BarmanLineFormatter : ITextFormatter
    {
        private static readonly string Pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

        public void Format(LogEvent logEvent, TextWriter output)
        {
            var source = logEvent.Properties.TryGetValue(Constants.SourceContextPropertyName, out var s) && s is ScalarValue { Value: string name }
                ? name
                : "barman.cli";
            var level = logEvent.Level switch
            {
                LogEventLevel.Verbose or LogEventLevel.Debug => "DEBUG",
                LogEventLevel.Information => "INFO",
                LogEventLevel.Warning => "WARNING",
                LogEventLevel.Error => "ERROR",
                _ => "CRITICAL",
            };
            var time = logEvent.Timestamp.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
            output.Write($"{time} [{Pid}] {source} {level}: ");
            output.Write(logEvent.RenderMessage(CultureInfo.InvariantCulture));
            output.Write('\n');
            if (logEvent.Exception is { } e)
            {
                output.Write(e.ToString());
                output.Write('\n');
            }
        }
    }
}
