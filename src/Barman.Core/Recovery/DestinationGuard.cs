// Refusals the real barman lacks: recovering over its own catalog, or over a running PostgreSQL.
using System.Globalization;
using Barman.Core.Errors;

namespace Barman.Core.Recovery;

/// <summary>Checks a recovery destination before anything is written to it.</summary>
public static class DestinationGuard
{
    /// <summary>
    /// Refuses a destination inside (or containing) barman_home or a backup directory — the copy deletes foreign
    /// files, so barman 3.4 wipes its own catalog there — and one where a live postmaster owns the directory.
    /// </summary>
    public static void Check(string destination, IEnumerable<string> protectedDirectories)
    {
        var dest = Normalize(destination);
        foreach (var dir in protectedDirectories.Select(Normalize).Distinct(StringComparer.Ordinal))
        {
            if (IsWithin(dest, dir))
            {
                throw new RecoveryException($"Refusing to recover into '{destination}': it is inside barman's directory '{dir}'");
            }
            if (IsWithin(dir, dest))
            {
                throw new RecoveryException($"Refusing to recover into '{destination}': it contains barman's directory '{dir}'");
            }
        }
        var pidFile = Path.Combine(dest, "postmaster.pid");
        if (File.Exists(pidFile) && ReadPid(pidFile) is { } pid && IsAlive(pid))
        {
            throw new RecoveryException(
                $"Refusing to recover into '{destination}': a PostgreSQL server is running there (postmaster.pid, PID {pid.ToString(CultureInfo.InvariantCulture)}). Stop it first");
        }
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(ResolveLinks(Path.GetFullPath(path)));

    /// <summary>Resolves symlinks in the existing part of the path so /a/link/x and /a/real/x compare equal.</summary>
    private static string ResolveLinks(string path)
    {
        var existing = path;
        var rest = new Stack<string>();
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }
        var real = new DirectoryInfo(existing).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? existing;
        return rest.Aggregate(real, Path.Combine);
    }

    private static bool IsWithin(string path, string dir) =>
        path == dir || path.StartsWith(dir.EndsWith('/') ? dir : dir + "/", StringComparison.Ordinal);

    private static int? ReadPid(string pidFile)
    {
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => Directory.Exists(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}"));
}
