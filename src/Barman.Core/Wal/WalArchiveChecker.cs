// check-wal-archive: is this server's WAL archive safe to receive WAL from a new/other cluster (or timeline)?
using Barman.Core.Catalog;
using Barman.Core.Configuration;
using Barman.Core.Errors;
using Barman.Core.Output;

namespace Barman.Core.Wal;

/// <summary>Fails when the archive already holds WAL that a new cluster on <c>timeline</c> would collide with.</summary>
public static class WalArchiveChecker
{
    public static void Check(ServerConfig server, uint? timeline, IOutput output)
    {
        output.Info($"Server {server.Name}:");
        var problem = Problem(XlogDb.ReadAll(server).Select(e => e.Name), timeline);
        if (problem is not null)
        {
            throw new WalFileException($"WAL archive check failed for server {server.Name}: {problem}");
        }
        output.Info($" - WAL archive check for server {server.Name} passed");
    }

    /// <summary>Null when the archive is usable; otherwise why not.</summary>
    public static string? Problem(IEnumerable<string> archived, uint? timeline)
    {
        var names = archived.ToList();
        if (timeline is null)
        {
            return names.Count > 0 ? "Expected empty archive" : null;
        }
        foreach (var name in names)
        {
            if (WalSegmentName.TryParse(name, out var wal) && wal.Kind != WalFileKind.History && wal.Timeline >= timeline)
            {
                return $"Found {name} which is on timeline {wal.Timeline} (timeline {timeline} or higher not expected)";
            }
        }
        return null;
    }
}
