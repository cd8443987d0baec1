// The "directories" check: creates every *_directory of the server (mode 0755) as barman's first check does.
using Barman.Core.Configuration;

namespace Barman.Core.Checks;

/// <summary>Creates the server's directories; a disabled server gets no line (barman skips it too).</summary>
internal static class DirectoryCheck
{
    private const UnixFileMode Mode0755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    public static void Run(ServerConfig server, CheckCollector checks)
    {
        checks.Start("directories");
        if (server.Disabled)
        {
            return;
        }
        foreach (var (key, value) in server.Values)
        {
            if (!key.EndsWith("_directory", StringComparison.Ordinal) || value is null || Directory.Exists(value))
            {
                continue;
            }
            try
            {
                CreateAll(value);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                checks.Result("directories", false, $"{value}: {e.Message}");
                return;
            }
        }
        checks.Result("directories", true);
    }

    /// <summary>mkdir -p with 0755 for each level created (umask applies, as with os.makedirs).</summary>
    private static void CreateAll(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null && !Directory.Exists(parent))
        {
            CreateAll(parent);
        }
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, Mode0755);
        }
    }
}
