// The one way Core runs external programs, so tests can replace it and every child is logged the same way.
namespace Barman.Core.Processes;

/// <summary>Runs a <see cref="ProcessSpec"/> to completion, streaming its output lines to callbacks.</summary>
public interface IProcessRunner
{
    /// <summary>
    /// Runs the process. Cancelling sends SIGINT first (pg_receivewal flushes on it), then kills after a grace period.
    /// </summary>
    Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Action<string>? onStdoutLine = null,
        Action<string>? onStderrLine = null,
        CancellationToken ct = default);

    /// <summary>Runs the process and returns its whole standard output (small outputs such as --version).</summary>
    Task<(ProcessResult Result, string Stdout)> CaptureAsync(ProcessSpec spec, CancellationToken ct = default);
}
