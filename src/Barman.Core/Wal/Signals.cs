// Sending signals to other processes by PID (receive-wal --stop), through kill(2).
using System.Runtime.InteropServices;

namespace Barman.Core.Wal;

/// <summary>kill(2) wrappers.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/>; false when no such process.</summary>
    public static bool Send(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>True while the process exists.</summary>
    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM */;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
