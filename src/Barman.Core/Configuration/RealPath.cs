// Python's os.path.realpath: an absolute, normalised path with every existing symbolic link resolved.
using System.Collections.Concurrent;

namespace Barman.Core.Configuration;

internal static class RealPath
{
    // Every server's directories share their leading components (/var/lib/barman/...) and each is checked twice at
    // load: one readlink per distinct component instead of one per component of every path, for every command.
    private static readonly ConcurrentDictionary<string, string> Components = new(StringComparer.Ordinal);

    /// <summary>Resolves links component by component; components that do not exist are kept as written.</summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            if (!Components.TryGetValue(next, out var component))
            {
                var info = new FileInfo(next);
                // Directory links too: FileInfo sees any entry's LinkTarget.
                component = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                    ? Of(target.FullName)
                    : next;
                if (Components.Count < 4096)
                {
                    Components[next] = component;
                }
            }
            resolved = component;
        }
        return resolved;
    }
}
