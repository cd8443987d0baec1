// Barman's rule for whether a command runs for a server: inactive and disabled servers are skipped, disabled ones reported.
using Barman.Core.Configuration;
using Barman.Core.Output;

namespace Barman.Core.Servers;

/// <summary>The per-server gate every multi-server command applies (barman's manage_server_command).</summary>
public static class ServerGate
{
    /// <summary>True when the command should run for <paramref name="server"/>; reports errors through the port as barman does.</summary>
    public static bool Allows(
        ServerConfig server,
        IOutput output,
        bool inactiveIsError = false,
        bool disabledIsError = true,
        bool skipInactive = true,
        bool skipDisabled = true)
    {
        if (!server.Active)
        {
            if (inactiveIsError)
            {
                output.Error($"Inactive server: {server.Name}");
            }
            if (skipInactive)
            {
                return false;
            }
        }
        if (server.Disabled)
        {
            if (disabledIsError)
            {
                foreach (var message in server.Messages)
                {
                    output.Error(message);
                }
            }
            if (skipDisabled)
            {
                return false;
            }
        }
        return true;
    }
}
