// The servers a verb runs for: named (or 'all'), then each one through ServerGate as barman does before any work.
using Barman.Cli.Hosting;
using Barman.Core.Configuration;
using Barman.Core.Servers;

namespace Barman.Cli.Commands;

internal static class GatedServers
{
    /// <summary>Unknown names and 'all' mixed with names are reported first, as barman does; then <see cref="ServerGate.Select"/>.</summary>
    public static IEnumerable<ServerConfig> Many(Invocation inv, IReadOnlyList<string> names, GatePolicy? policy = null)
    {
        var resolved = inv.ResolveServers(names, out var reportErrors);
        reportErrors();
        return ServerGate.Select(resolved, inv.Output, policy ?? GatePolicy.Default);
    }

    /// <summary>One named server, or null when the gate refused it (its messages are printed; exit with <see cref="RefusedCode"/>).</summary>
    public static ServerConfig? One(Invocation inv, string name, GatePolicy? policy = null)
    {
        var server = inv.Server(name);
        return ServerGate.Allows(server, inv.Output, policy ?? GatePolicy.Default) ? server : null;
    }

    /// <summary>Exit code after a refusal: 1 for a disabled server, 0 for a skipped inactive one.</summary>
    public static int RefusedCode(Invocation inv) => inv.Output.HasErrors ? 1 : 0;
}
