// A pre retry hook script exited with 63 (ABORT_STOP): the operation it guards must not run.
namespace Barman.Core.Hooks;

/// <summary>
/// barman's AbortedRetryHookScript. Deliberately not a <see cref="Errors.BarmanException"/>: barman lets it reach its
/// generic handler ("EXCEPTION: ... See log file for more details.", exit 1), and we print the same.
/// </summary>
public sealed class HookScriptAbortedException(string phase, string name, string script, int exitCode)
    : Exception($"Abort '{phase}_{name}' retry hook script ({script}, exit code: {exitCode})")
{
    /// <summary>The script's configured command line.</summary>
    public string Script { get; } = script;

    /// <summary>The exit code that stopped it (63).</summary>
    public int ExitCode { get; } = exitCode;
}
