// IProcessRunner on CliWrap: graceful (SIGINT) then forceful cancellation, output lines to callbacks.
using System.Text;
using CliWrap;

namespace Barman.Core.Processes;

/// <summary>The production process runner.</summary>
public sealed class ProcessRunner(TimeProvider clock) : IProcessRunner
{
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    public async Task<ProcessResult> RunAsync(
        ProcessSpec spec,
        Action<string>? onStdoutLine = null,
        Action<string>? onStderrLine = null,
        CancellationToken ct = default)
    {
        var tail = new StderrTail();
        var command = Build(spec)
            .WithStandardOutputPipe(onStdoutLine is null ? PipeTarget.Null : PipeTarget.ToDelegate(onStdoutLine))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line =>
            {
                tail.Add(line);
                onStderrLine?.Invoke(line);
            }));
        return await ExecuteAsync(command, spec, tail, ct);
    }

    public async Task<(ProcessResult Result, string Stdout)> CaptureAsync(ProcessSpec spec, CancellationToken ct = default)
    {
        var stdout = new StringBuilder();
        var tail = new StderrTail();
        var command = Build(spec)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(tail.Add));
        var result = await ExecuteAsync(command, spec, tail, ct);
        return (result, stdout.ToString());
    }

    private static Command Build(ProcessSpec spec)
    {
        var command = Cli.Wrap(spec.File).WithArguments(spec.Args).WithValidation(CommandResultValidation.None);
        if (spec.WorkDir is not null)
        {
            command = command.WithWorkingDirectory(spec.WorkDir);
        }
        if (spec.Env is { Count: > 0 } env)
        {
            command = command.WithEnvironmentVariables(env);
        }
        return command;
    }

    private async Task<ProcessResult> ExecuteAsync(Command command, ProcessSpec spec, StderrTail tail, CancellationToken ct)
    {
        var start = clock.GetUtcNow();
        using var timeout = spec.Timeout is { } t ? new CancellationTokenSource(t, clock) : new CancellationTokenSource();
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var forceful = new CancellationTokenSource();
        await using var escalate = graceful.Token.Register(() => forceful.CancelAfter(GracePeriod));
        try
        {
            var result = await command.ExecuteAsync(forceful.Token, graceful.Token);
            return new ProcessResult(result.ExitCode, start, clock.GetUtcNow(), tail.ToString());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return new ProcessResult(-1, start, clock.GetUtcNow(), tail + "\n(timed out)");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessResult(127, start, clock.GetUtcNow(), $"{spec.File}: {e.Message}");
        }
    }

    /// <summary>The last lines of stderr, kept for error messages.</summary>
    private sealed class StderrTail
    {
        private readonly Queue<string> _lines = new();

        public void Add(string line)
        {
            lock (_lines)
            {
                _lines.Enqueue(line);
                if (_lines.Count > 20)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }
}
