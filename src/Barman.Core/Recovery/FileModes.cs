// Unix permission helpers for recovered files (barman's modes matter: PostgreSQL refuses a group-readable PGDATA).
namespace Barman.Core.Recovery;

internal static class FileModes
{
    public const UnixFileMode Mode0644 = (UnixFileMode)0x1A4;
    public const UnixFileMode Mode0755 = (UnixFileMode)0x1ED;
    public const UnixFileMode Mode0600 = (UnixFileMode)0x180;

    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    public static UnixFileMode Get(string path) => OperatingSystem.IsWindows() ? Mode0600 : File.GetUnixFileMode(path);
}
