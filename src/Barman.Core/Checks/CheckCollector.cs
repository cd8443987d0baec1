// Collects check lines in order and logs each result as barman's CheckStrategy does.
using System.Collections.Immutable;
using Barman.Core.Logging;
using Barman.Core.Output;

namespace Barman.Core.Checks;

/// <summary>
/// Records results. A failure is logged <c>Check '&lt;name&gt;' failed for server '&lt;srv&gt;'</c> at ERROR, unless the
/// check is in <see cref="Ignored"/> (the backup verb's non-critical list), which logs at INFO instead.
/// </summary>
internal sealed class CheckCollector(string server, IReadOnlySet<string> ignored)
{
    private static Serilog.ILogger Log => BarmanLog.For("barman.server"); // taken at each use: see BarmanLog.Defer
    private readonly ImmutableArray<CheckLine>.Builder _lines = ImmutableArray.CreateBuilder<CheckLine>();

    public IReadOnlySet<string> Ignored => ignored;

    /// <summary>The check running now (named in the timeout message's log line).</summary>
    public string? Running { get; private set; }

    public long BackupSize { get; set; }

    public long WalSize { get; set; }

    public ImmutableArray<CheckLine> Lines => _lines.ToImmutable();

    public void Start(string name)
    {
        Running = name;
        Log.DebugLine($"Starting check: '{name}'");
    }

    public void Result(string name, bool? ok, string? hint = null, ImmutableArray<string> details = default)
    {
        var passed = ok == true;
        if (!passed)
        {
            if (ignored.Contains(name))
            {
                Log.InfoLine($"Ignoring failed check '{name}' for server '{server}'");
            }
            else
            {
                Log.ErrorLine($"Check '{name}' failed for server '{server}'");
            }
        }
        else
        {
            Log.DebugLine($"Check '{name}' succeeded for server '{server}'");
        }
        _lines.Add(new CheckLine(name, passed, hint ?? string.Empty, details));
        Running = null;
    }
}
