// Log lines from Core: plain text with barman's module names (barman.server, barman.wal_archiver, ...).
using Serilog;
using Serilog.Core;

namespace Barman.Core.Logging;

/// <summary>Loggers named like barman's Python modules, and plain-text helpers (no template parsing of user text).</summary>
public static class BarmanLog
{
    public static ILogger For(string module) => Log.ForContext(Constants.SourceContextPropertyName, module);

    public static void DebugLine(this ILogger log, string text) => log.Debug("{Text:l}", text);

    public static void InfoLine(this ILogger log, string text) => log.Information("{Text:l}", text);

    public static void WarningLine(this ILogger log, string text) => log.Warning("{Text:l}", text);

    public static void ErrorLine(this ILogger log, string text, Exception? e = null) => log.Error(e, "{Text:l}", text);
}
