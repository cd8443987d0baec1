// Runs a server's pre/post hook scripts and their retry variants with barman 3.4's environment, logging and retry loop.
using System.Collections.Immutable;
using System.Text;
using Barman.Core.Configuration;
using Barman.Core.Logging;
using Barman.Core.Processes;

namespace Barman.Core.Hooks;

/// <summary>
/// barman's HookScriptRunner and RetryHookScriptRunner for one server. <c>operation</c> is backup, delete, wal_delete,
/// archive or recovery; the scripts are the options <c>{pre|post}_{operation}_script</c> and
/// <c>{pre|post}_{operation}_retry_script</c>, run through <c>/bin/sh -c</c> with path_prefix in front of PATH.
/// A standard script's exit code is only logged. A retry script is run again until it exits 0, 62 (ABORT_CONTINUE) or
/// 63 (ABORT_STOP), sleeping 3 s between tries and 60 s after every 5 failures; 63 from a pre retry script aborts the
/// operation (<see cref="HookScriptAbortedException"/>), from a post one it is logged and ignored.
/// Order: pre standard, pre retry, the operation, post retry, post standard.
/// </summary>
public sealed class HookScripts(ServerConfig server, IProcessRunner runner, Func<TimeSpan, CancellationToken, Task> sleep)
{
    public const int ExitSuccess = 0;
    public const int ExitAbortContinue = 62;
    public const int ExitAbortStop = 63;
    public const int AttemptsBeforeNap = 5;
    public static readonly TimeSpan BreakTime = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan NapTime = TimeSpan.FromSeconds(60);

    private static Serilog.ILogger Log => BarmanLog.For("barman.hooks"); // taken at each use: see BarmanLog.Defer

    /// <summary>The production runner: real processes, real sleeps on <paramref name="clock"/>.</summary>
    public static HookScripts For(ServerConfig server, TimeProvider clock, IProcessRunner? runner = null) =>
        new(server, runner ?? new ProcessRunner(clock), (t, ct) => Task.Delay(t, clock, ct));

    /// <summary>True when any of the four scripts of <paramref name="operation"/> is configured.</summary>
    public bool AnyFor(string operation) =>
        new[] { "pre", "post" }.Any(p => Script(p, operation + "_script") is not null || Script(p, operation + "_retry_script") is not null);

    /// <summary>Runs the pre standard script, then the pre retry script; throws when the retry script asks to stop.</summary>
    public async Task RunPreAsync(string operation, ImmutableDictionary<string, string> env, CancellationToken ct)
    {
        await RunOnceAsync("pre", operation + "_script", env, retry: false, ct);
        await RunRetryAsync("pre", operation + "_retry_script", env, ct);
    }

    /// <summary>
    /// Runs the post retry script (a stop request is logged and ignored), then the post standard script, which sees
    /// <paramref name="standardEnv"/> when given (barman's post_archive_script never sees the error).
    /// </summary>
    public async Task RunPostAsync(string operation, ImmutableDictionary<string, string> env, CancellationToken ct,
        ImmutableDictionary<string, string>? standardEnv = null)
    {
        try
        {
            await RunRetryAsync("post", operation + "_retry_script", env, ct);
        }
        catch (HookScriptAbortedException e)
        {
            BarmanLog.For(operation == "archive" ? "barman.wal_archiver" : "barman.backup").WarningLine(
                $"Ignoring stop request after receiving abort (exit code {e.ExitCode}) from post-{operation.Replace('_', '-')} retry hook script: {e.Script}");
        }
        await RunOnceAsync("post", operation + "_script", standardEnv ?? env, retry: false, ct);
    }

    private async Task RunRetryAsync(string phase, string name, ImmutableDictionary<string, string> env, CancellationToken ct)
    {
        var attempts = 1;
        int code;
        while (true)
        {
            if (await RunOnceAsync(phase, name, env, retry: true, ct) is not { } exit)
            {
                return;
            }
            code = exit;
            if (code is ExitSuccess or ExitAbortContinue or ExitAbortStop)
            {
                break;
            }
            if (attempts <= AttemptsBeforeNap)
            {
                attempts++;
                Log.DebugLine($"Retry again in {BreakTime.TotalSeconds:0} seconds");
                await sleep(BreakTime, ct);
            }
            else
            {
                attempts = 1;
                Log.DebugLine($"Reached {AttemptsBeforeNap} failures. Take a nap then retry again in {NapTime.TotalSeconds:0} seconds");
                await sleep(NapTime, ct);
            }
        }
        var script = Script(phase, name)!;
        if (code == ExitAbortContinue)
        {
            Log.WarningLine($"{script} was aborted (got exit status {code}, Barman resumes)");
        }
        else if (code == ExitAbortStop)
        {
            Log.ErrorLine($"{script} was aborted (got exit status {code}, Barman requested to stop)");
            throw new HookScriptAbortedException(phase, name, script, code);
        }
    }

    /// <summary>Runs one script once; its exit code, or null when it is not configured.</summary>
    private async Task<int?> RunOnceAsync(string phase, string name, ImmutableDictionary<string, string> extra, bool retry, CancellationToken ct)
    {
        if (Script(phase, name) is not { } script)
        {
            return null;
        }
        Log.DebugLine($"Attempt to run {name}: {script}");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var spec = new ProcessSpec("/bin/sh", ["-c", script], Environment(phase, name, extra, retry));
        var result = await runner.RunAsync(spec, line => Append(stdout, line), line => Append(stderr, line), ct);
        if (result.ExitCode != 0)
        {
            Log.WarningLine($"{script} returned {result.ExitCode}\nOutput details:\n{stdout}{stderr}");
        }
        else
        {
            Log.DebugLine($"{script} returned {result.ExitCode}");
        }
        return result.ExitCode;
    }

    internal ImmutableDictionary<string, string?> Environment(string phase, string name, ImmutableDictionary<string, string> extra, bool retry)
    {
        var env = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        env["BARMAN_VERSION"] = BarmanVersion;
        env["BARMAN_SERVER"] = server.Name;
        env["BARMAN_CONFIGURATION"] = server.ConfigFile;
        env["BARMAN_HOOK"] = name;
        env["BARMAN_RETRY"] = retry ? "1" : "0";
        env["BARMAN_PHASE"] = phase;
        if (!string.IsNullOrEmpty(server.PathPrefix))
        {
            env["PATH"] = server.PathPrefix + ":" + System.Environment.GetEnvironmentVariable("PATH");
        }
        return env.ToImmutable();
    }

    /// <summary>The version scripts see in BARMAN_VERSION (the barman release we clone).</summary>
    public const string BarmanVersion = "3.4.0";

    private string? Script(string phase, string name) => server.Get($"{phase}_{name}") is { Length: > 0 } s ? s : null;

    private static void Append(StringBuilder sb, string line)
    {
        lock (sb)
        {
            sb.Append(line).Append('\n');
        }
    }
}
