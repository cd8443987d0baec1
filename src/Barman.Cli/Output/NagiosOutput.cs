// The Nagios writer of `check --nagios`: prints nothing while running, then one status line (+ failure details) at Close().
using System.Globalization;
using Barman.Core.Output;

namespace Barman.Cli.Output;

/// <summary>
/// Barman's Nagios plugin format: <c>BARMAN OK - Ready to serve the Espresso backup for SRV|perfdata</c> or
/// <c>BARMAN CRITICAL - ...</c> followed by one <c>SRV.check: FAILED (hint)</c> line per failure.
/// <see cref="Critical"/> tells the command to exit 2.
/// </summary>
internal sealed class NagiosOutput(TextWriter stdout) : IOutput
{
    private readonly List<CheckResult> _results = [];

    public bool HasErrors { get; private set; }

    /// <summary>True when Close() prints (or printed) a CRITICAL status: the command then exits 2.</summary>
    public bool Critical
    {
        get
        {
            _ = Render(_results, HasErrors, out var critical);
            return critical;
        }
    }

    public void Info(string message)
    {
    }

    public void Warning(string message)
    {
    }

    public void Error(string message) => HasErrors = true;

    public void Debug(string message)
    {
    }

    public void ResultListServer(string serverName, string description, bool disabled)
    {
    }

    public void ResultCheck(CheckResult result) => _results.Add(result);

    public void ResultStatus(StatusResult result)
    {
    }

    public void ResultShowServer(ShowServerResult result)
    {
    }

    public void ResultListBackup(ListBackupResult result)
    {
    }

    public void ResultShowBackup(ShowBackupResult result)
    {
    }

    public void ResultDocument(string key, System.Text.Json.Nodes.JsonNode? value)
    {
    }

    public void Close()
    {
        stdout.Write(Render(_results, HasErrors, out _));
        stdout.Flush();
    }

    /// <summary>The whole Nagios text for the given results (each line ends with a newline).</summary>
    internal static string Render(IReadOnlyList<CheckResult> results, bool globalError, out bool critical)
    {
        var servers = results.Select(r => r.Server).ToList();
        var issues = results.Where(r => !r.Ok).ToList();
        var perf = string.Join(' ', results.SelectMany(r => new[]
        {
            string.Create(CultureInfo.InvariantCulture, $"{r.Server}={r.BackupsSizeBytes}B"),
            string.Create(CultureInfo.InvariantCulture, $"{r.Server}_wals={r.WalsSizeBytes}B"),
        }));
        var perfText = perf.Length > 0 ? "|" + perf : string.Empty;
        // Only an active server's failure is an error; an inactive one's issues are listed as IGNORING.
        var error = globalError || issues.Any(r => !r.Inactive);
        critical = error;
        if (issues.Count == 0 && error)
        {
            return "BARMAN CRITICAL - Global configuration errors\n";
        }
        if (issues.Count > 0 && error)
        {
            var summary = string.Join(" * ", issues.Select(r => $"{r.Server} FAILED: {string.Join(", ", r.Lines.Where(l => !l.Ok).Select(l => l.Name))}"));
            var head = servers.Count == 1
                ? $"BARMAN CRITICAL - server {servers[0]} has issues * {summary}{perfText}"
                : string.Create(CultureInfo.InvariantCulture, $"BARMAN CRITICAL - {issues.Count} server out of {servers.Count} have issues * {summary}{perfText}");
            var details = issues.SelectMany(r => r.Lines.Where(l => !l.Ok)
                .Select(l => $"{r.Server}.{l.Name}: FAILED" + (l.Hint.Length > 0 ? $" ({l.Hint})" : string.Empty)));
            return string.Join('\n', new[] { head }.Concat(details)) + "\n";
        }
        var ignoring = string.Concat(issues.Select(r => " * IGNORING: " + r.Server));
        var good = servers.Where(s => issues.All(r => r.Server != s)).ToList();
        return good.Count switch
        {
            0 => $"BARMAN OK - No server configured{ignoring}\n",
            1 => $"BARMAN OK - Ready to serve the Espresso backup for {good[0]}{ignoring}{perfText}\n",
            _ => string.Create(CultureInfo.InvariantCulture,
                $"BARMAN OK - Ready to serve the Espresso backup for {good.Count} servers * {string.Join(" * ", good)}{ignoring}{perfText}\n"),
        };
    }
}
