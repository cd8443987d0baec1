// Log lines from Core: plain text with barman's module names (barman.server, barman.wal_archiver, ...).
using Serilog;
using Serilog.Core;

namespace Barman.Core.Logging;

/// <summary>Loggers named like barman's Python modules, and plain-text helpers (no template parsing of user text).</summary>
public static class BarmanLog
{
    private static readonly Lock Gate = new();
    private static Func<ILogger>? s_pending;

    /// <summary>
    /// Installs the process-wide logger the first time a logger is taken rather than now: the catalog listings
    /// (list-backup, show-backup, list-files) log nothing, and creating the logger was a twentieth of their start-up.
    /// Null cancels.
    /// </summary>
    public static void Defer(Func<ILogger>? create)
    {
        lock (Gate)
        {
            s_pending = create;
        }
    }

    /// <summary>A logger for <paramref name="module"/>; take it where it is used (see <see cref="Defer"/>).</summary>
    public static ILogger For(string module)
    {
        if (Volatile.Read(ref s_pending) is not null)
        {
            lock (Gate)
            {
                if (s_pending is { } create)
                {
                    s_pending = null;
                    Log.Logger = create();
                }
            }
        }
        return Log.ForContext(Constants.SourceContextPropertyName, module);
    }

    public static void DebugLine(this ILogger log, string text) => log.Debug("{Text:l}", text);

    public static void InfoLine(this ILogger log, string text) => log.Information("{Text:l}", text);

    public static void WarningLine(this ILogger log, string text) => log.Warning("{Text:l}", text);

    public static void ErrorLine(this ILogger log, string text, Exception? e = null) => log.Error(e, "{Text:l}", text);
}
