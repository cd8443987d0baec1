// Finds PostgreSQL client programs: path_prefix, then PATH, then /usr/lib/postgresql/<major>/bin.
namespace Barman.Core.Processes;

/// <summary>Locates pg_basebackup, pg_receivewal, pg_verifybackup and friends.</summary>
public static class PgBinaries
{
    /// <summary>The full path of <paramref name="program"/>, or null when it is nowhere to be found.</summary>
    public static string? Find(string program, string? pathPrefix, int? serverMajorVersion = null)
    {
        foreach (var dir in SearchPath(pathPrefix, serverMajorVersion))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static IEnumerable<string> SearchPath(string? pathPrefix, int? major)
    {
        foreach (var dir in (pathPrefix ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            yield return dir;
        }
        if (major is { } m)
        {
            yield return $"/usr/lib/postgresql/{m}/bin";
        }
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            foreach (var dir in Directory.GetDirectories("/usr/lib/postgresql").OrderDescending(StringComparer.Ordinal))
            {
                yield return Path.Combine(dir, "bin");
            }
        }
    }
}
