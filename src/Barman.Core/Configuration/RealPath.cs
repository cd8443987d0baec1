// Python's os.path.realpath: an absolute, normalised path with every existing symbolic link resolved.
namespace Barman.Core.Configuration;

internal static class RealPath
{
    /// <summary>Resolves links component by component; components that do not exist are kept as written.</summary>
    public static string Of(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = "/";
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            var info = new FileInfo(next);
            // Directory links too: FileInfo sees any entry's LinkTarget.
            resolved = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Of(target.FullName)
                : next;
        }
        return resolved;
    }
}
