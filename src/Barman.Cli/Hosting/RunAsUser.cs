// barman_user: refuse other users; when started as root, become that user (gid, groups, uid) before touching files.
using System.Runtime.InteropServices;
using Barman.Core.Errors;

namespace Barman.Cli.Hosting;

/// <summary>Enforces and applies <c>barman_user</c>.</summary>
internal static partial class RunAsUser
{
    /// <summary>Drops privileges to <paramref name="user"/> when root; fails when run by anyone else.</summary>
    public static void Ensure(string user)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var uid = GetUid();
        var pw = GetPwNam(user);
        if (pw == IntPtr.Zero)
        {
            throw new BarmanException($"the configured user '{user}' does not exist");
        }
        var entry = Marshal.PtrToStructure<Passwd>(pw);
        if (entry.Uid == uid)
        {
            return;
        }
        if (uid != 0)
        {
            throw new BarmanException($"please run barman as '{user}' user");
        }
        if (InitGroups(user, entry.Gid) != 0 || SetGid(entry.Gid) != 0 || SetUid(entry.Uid) != 0)
        {
            throw new BarmanException($"could not switch to user '{user}': {Marshal.GetLastPInvokeErrorMessage()}");
        }
        var home = Marshal.PtrToStringUTF8(entry.Dir);
        if (home is not null)
        {
            Environment.SetEnvironmentVariable("HOME", home);
        }
        Environment.SetEnvironmentVariable("USER", user);
        Environment.SetEnvironmentVariable("LOGNAME", user);
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Passwd
    {
        public IntPtr Name;
        public IntPtr Password;
        public uint Uid;
        public uint Gid;
        public IntPtr Gecos;
        public IntPtr Dir;
        public IntPtr Shell;
    }

    [LibraryImport("libc", EntryPoint = "getuid")]
    private static partial uint GetUid();

    [LibraryImport("libc", EntryPoint = "getpwnam", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetPwNam(string name);

    [LibraryImport("libc", EntryPoint = "initgroups", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int InitGroups(string user, uint gid);

    [LibraryImport("libc", EntryPoint = "setgid", SetLastError = true)]
    private static partial int SetGid(uint gid);

    [LibraryImport("libc", EntryPoint = "setuid", SetLastError = true)]
    private static partial int SetUid(uint uid);
}
