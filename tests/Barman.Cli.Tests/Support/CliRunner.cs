// Runs the CLI in-process (Program.Run) or the real barman (/usr/bin/barman) and captures what they print.
using System.Diagnostics;
using System.Text;

namespace Barman.Cli.Tests.Support;

/// <summary>What one run printed and returned.</summary>
internal sealed record RunResult(string Stdout, string Stderr, int ExitCode);

internal static class CliRunner
{
    public const string RealBarman = "/usr/bin/barman";

    /// <summary>Our barman, in-process, with its own writers and the system clock.</summary>
    public static RunResult Ours(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr, TimeProvider.System);
        return new RunResult(stdout.ToString(), stderr.ToString(), code);
    }

    /// <summary>The real barman, when installed (null otherwise).</summary>
    public static RunResult? Real(params string[] args)
    {
        if (!File.Exists(RealBarman))
        {
            return null;
        }
        var info = new ProcessStartInfo(RealBarman)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // argparse wraps at $COLUMNS - 2: pin the width both programs see.
        info.Environment["COLUMNS"] = "80";
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new RunResult(stdout.Result, stderr.Result, process.ExitCode);
    }
}

/// <summary>CLI tests share the process-wide logger and option instances: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "cli";
}
