// A process to run, as a value: program, argument list, environment, working directory, timeout.
using System.Collections.Immutable;

namespace Barman.Core.Processes;

/// <summary>What to run. Arguments are a list, never one shell string.</summary>
public sealed record ProcessSpec(
    string File,
    ImmutableArray<string> Args,
    ImmutableDictionary<string, string?>? Env = null,
    string? WorkDir = null,
    TimeSpan? Timeout = null)
{
    /// <summary>A short form for logs; arguments that look like passwords are redacted by the caller.</summary>
    public override string ToString() => string.Join(' ', new[] { File }.Concat(Args));
}

/// <summary>How a process ended.</summary>
public sealed record ProcessResult(int ExitCode, DateTimeOffset StartTime, DateTimeOffset ExitTime, string StderrTail);
