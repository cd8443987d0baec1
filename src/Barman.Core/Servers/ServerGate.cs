// Barman's rule for whether a command runs for a server: inactive and disabled servers are skipped, disabled ones reported.
using Barman.Core.Configuration;
using Barman.Core.Output;

namespace Barman.Core.Servers;

/// <summary>How one verb treats inactive and disabled servers (barman 3.4's per-verb choices, found by running it).</summary>
/// <param name="InactiveIsError">Print <c>Inactive server: X</c> as an error (get-wal, put-wal).</param>
/// <param name="SkipInactive">Do not run for an inactive server; announced as <c>Skipping inactive server 'X'</c> unless an error.</param>
/// <param name="DisabledIsError">Print a disabled server's configuration messages as errors (exit 1).</param>
/// <param name="SkipDisabled">Do not run for a disabled server; announced as temporarily disabled when not an error (cron).</param>
public sealed record GatePolicy(bool InactiveIsError, bool SkipInactive, bool DisabledIsError, bool SkipDisabled)
{
    /// <summary>Most verbs: an inactive server is skipped with a notice, a disabled one refused with its messages.</summary>
    public static readonly GatePolicy Default = new(InactiveIsError: false, SkipInactive: true, DisabledIsError: true, SkipDisabled: true);

    /// <summary>get-wal and put-wal: an inactive server is an error but still served; a disabled one is refused.</summary>
    public static readonly GatePolicy WalTransfer = new(InactiveIsError: true, SkipInactive: false, DisabledIsError: true, SkipDisabled: true);

    /// <summary>receive-wal --stop/--reset/--create-slot/--drop-slot: inactive servers too, silently; disabled ones refused.</summary>
    public static readonly GatePolicy ReceiveWalControl = new(InactiveIsError: false, SkipInactive: false, DisabledIsError: true, SkipDisabled: true);

    /// <summary>cron: inactive and disabled servers are skipped with a notice, and neither fails the run.</summary>
    public static readonly GatePolicy Cron = new(InactiveIsError: false, SkipInactive: true, DisabledIsError: false, SkipDisabled: true);

    /// <summary>show-servers: every server is shown, its state is part of the output.</summary>
    public static readonly GatePolicy ShowAll = new(InactiveIsError: false, SkipInactive: false, DisabledIsError: false, SkipDisabled: false);
}

/// <summary>The per-server gate every command applies (barman's manage_server_command).</summary>
public static class ServerGate
{
    /// <summary>
    /// Several servers: the inactive ones a verb skips are announced at once, before any work (barman drops them while
    /// building its server list); the others pass the gate one by one as the caller reaches them, so a disabled
    /// server's messages come between the other servers' output, in barman's order.
    /// </summary>
    public static IEnumerable<ServerConfig> Select(IEnumerable<ServerConfig> servers, IOutput output, GatePolicy policy)
    {
        var kept = servers.Where(s => s.Active || !policy.SkipInactive || Allows(s, output, policy)).ToList();
        return kept.Where(s => Allows(s, output, policy));
    }

    /// <summary>True when the command should run for <paramref name="server"/>; reports through the port as barman does.</summary>
    public static bool Allows(ServerConfig server, IOutput output, GatePolicy policy)
    {
        if (!server.Active)
        {
            if (policy.InactiveIsError)
            {
                output.Error($"Inactive server: {server.Name}");
            }
            if (policy.SkipInactive)
            {
                if (!policy.InactiveIsError)
                {
                    output.Info($"Skipping inactive server '{server.Name}'");
                }
                return false;
            }
        }
        if (server.Disabled)
        {
            if (policy.DisabledIsError)
            {
                foreach (var message in server.Messages)
                {
                    output.Error(message);
                }
            }
            if (policy.SkipDisabled)
            {
                if (!policy.DisabledIsError)
                {
                    output.Info($"Skipping temporarily disabled server '{server.Name}'");
                }
                return false;
            }
        }
        return true;
    }
}
