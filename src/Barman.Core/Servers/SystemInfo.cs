// diagnose's system_info: release, kernel, python, rsync and ssh versions, read from the same commands barman runs.
using System.Text.Json.Nodes;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>Runs lsb_release/uname/python/rsync/ssh and keeps their stdout as barman does (a missing program gives "").</summary>
internal static class SystemInfo
{
    public static async Task<JsonObject> GatherAsync(IProcessRunner runner, CancellationToken ct)
    {
        var release = await StdoutAsync(runner, "lsb_release", ["-a"], ct);
        if (release is null && File.Exists("/etc/debian_version"))
        {
            release = "Debian GNU/Linux " + (await File.ReadAllTextAsync("/etc/debian_version", ct)).TrimEnd();
        }
        var rsync = await StdoutAsync(runner, "rsync", ["--version"], ct) ?? string.Empty;
        return new JsonObject
        {
            ["release"] = release ?? string.Empty,
            ["kernel_ver"] = await StdoutAsync(runner, "uname", ["-a"], ct) ?? string.Empty,
            // barman passes "2>&1" as a literal argument, so only stdout counts; python --version of python 3 writes there.
            ["python_ver"] = await StdoutAsync(runner, "python", ["--version", "2>&1"], ct) ?? string.Empty,
            ["rsync_ver"] = rsync.Split('\n')[0].TrimEnd(),
            ["ssh_ver"] = await StdoutAsync(runner, "ssh", ["-V", "2>&1"], ct) ?? string.Empty,
        };
    }

    /// <summary>The program's stdout without trailing whitespace; null when it is missing or exits non-zero.</summary>
    private static async Task<string?> StdoutAsync(IProcessRunner runner, string program, string[] args, CancellationToken ct)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        if (path is null)
        {
            return null;
        }
        try
        {
            var (result, stdout) = await runner.CaptureAsync(new ProcessSpec(path, [.. args], Timeout: TimeSpan.FromSeconds(10)), ct);
            return result.ExitCode == 0 ? stdout.TrimEnd() : null;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception or CliWrap.Exceptions.CliWrapException)
        {
            return null;
        }
    }
}
