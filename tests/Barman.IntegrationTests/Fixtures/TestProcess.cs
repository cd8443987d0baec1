// Runs helper commands for integration tests (initdb, pg_ctl, psql), as the postgres OS user when we are root.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Barman.IntegrationTests.Fixtures;

/// <summary>Small synchronous process helper for test set-up; failures throw with the command's output.</summary>
internal static partial class TestProcess
{
    public static bool IsRoot => !OperatingSystem.IsWindows() && GetEuid() == 0;

    /// <summary>Runs <paramref name="file"/>; as root, through <c>runuser -u postgres --</c> when <paramref name="asPostgres"/>.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(
        string file, IEnumerable<string> args, bool asPostgres = false, IDictionary<string, string>? env = null, TimeSpan? timeout = null, bool check = true)
    {
        var argv = args.ToList();
        if (asPostgres && IsRoot)
        {
            argv.InsertRange(0, ["-u", "postgres", "--", file]);
            file = "runuser";
        }
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var a in argv)
        {
            psi.ArgumentList.Add(a);
        }
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', argv)} timed out");
        }
        process.WaitForExit();
        var result = (process.ExitCode, stdout.ToString(), stderr.ToString());
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', argv)} exited {process.ExitCode}: {result.Item3}{result.Item2}");
        }
        return result;
    }

    /// <summary>Gives a path (recursively) to the postgres user when we are root.</summary>
    public static void ChownToPostgres(string path)
    {
        if (IsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", path]);
        }
    }

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
