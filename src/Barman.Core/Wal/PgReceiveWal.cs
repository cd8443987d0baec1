// The pg_receivewal command line barman runs for streaming archiving (a pure function: unit tests check the argv).
using System.Collections.Immutable;
using Barman.Core.Configuration;
using Barman.Core.Postgres;
using Barman.Core.Processes;

namespace Barman.Core.Wal;

/// <summary>Builds pg_receivewal's argv from a server's configuration.</summary>
public static class PgReceiveWal
{
    public static ProcessSpec BuildSpec(string executable, ServerConfig server)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.Add("--dbname=" + Conninfo.Parse(server.StreamingConninfo ?? server.Conninfo ?? string.Empty).ForReplication(server.StreamingArchiverName));
        args.Add("--verbose");
        args.Add("--no-loop");
        args.Add("--no-password");
        args.Add("--directory=" + server.StreamingWalsDirectory);
        if (server.SlotName is { } slot)
        {
            args.Add("--slot=" + slot);
        }
        return new ProcessSpec(executable, args.ToImmutable());
    }
}
