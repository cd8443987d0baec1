// Starts barman sub-commands detached from cron (new session, parent PID 1), so they outlive it as barman's do.
using System.Collections.Immutable;
using Barman.Core.Processes;

namespace Barman.Core.Cron;

/// <summary>Launches <c>barman -c CONF -q VERB ARGS</c> in the background.</summary>
public interface IBackgroundLauncher
{
    Task LaunchAsync(IReadOnlyList<string> verbAndArgs, CancellationToken ct);
}

/// <summary>
/// Runs our own barman binary through <c>setsid -f</c>: the shell returns at once, the child lives on in its own
/// session with stdin/stdout/stderr on /dev/null (unless --keep-descriptors), so cron's pipes never stay open.
/// </summary>
public sealed class BarmanSubprocessLauncher(IProcessRunner runner, IReadOnlyList<string> barmanCommand, string configFile, bool keepDescriptors)
    : IBackgroundLauncher
{
    public async Task LaunchAsync(IReadOnlyList<string> verbAndArgs, CancellationToken ct)
    {
        var script = DetachScript(keepDescriptors ? string.Empty : ">/dev/null 2>&1");
        var args = ImmutableArray.CreateBuilder<string>();
        args.Add("-c");
        args.Add(script);
        args.AddRange(barmanCommand);
        args.Add("-c");
        args.Add(configFile);
        args.Add("-q");
        args.AddRange(verbAndArgs);
        await runner.RunAsync(new ProcessSpec("/bin/sh", args.ToImmutable(), Timeout: TimeSpan.FromSeconds(30)), ct: ct);
    }

    /// <summary>
    /// The sh script that starts "$0" "$@" in a new session with stdin on /dev/null and <paramref name="redirection"/>.
    /// A shell without job control ignores SIGINT in background jobs (`barman cron &` in a script), and an ignored
    /// SIGINT is inherited: receive-wal could then never be stopped gracefully, nor its pg_receivewal. The child gets
    /// SIGINT back at its default through env --default-signal (coreutils 8.31+; older systems start it as before).
    /// </summary>
    public static string DetachScript(string redirection) =>
        "if env --default-signal=INT true 2>/dev/null; then exec setsid -f env --default-signal=INT \"$0\" \"$@\" </dev/null "
        + redirection + "; else exec setsid -f \"$0\" \"$@\" </dev/null " + redirection + "; fi";
}
