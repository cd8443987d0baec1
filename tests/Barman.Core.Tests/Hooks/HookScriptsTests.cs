// Tests src/Barman.Core/Hooks/HookScripts.cs: order, environment, retry loop with its sleeps, 62/63 handling.
using System.Collections.Immutable;
using Barman.Core.Configuration;
using Barman.Core.Hooks;
using Barman.Core.Processes;

namespace Barman.Core.Tests.Hooks;

public sealed class HookScriptsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "backup-hooks-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ServerConfig Server(params string[] scripts)
    {
        Directory.CreateDirectory(_dir);
        var config = Path.Combine(_dir, "barman.conf");
        File.WriteAllText(config, $"[barman]\nbarman_home = {_dir}\nbarman_user = root\n\n[pg]\nconninfo = host=x\npath_prefix = /opt/pg/bin\n"
            + string.Concat(scripts.Select(s => $"{s} = run {s}\n")));
        return ConfigLoader.Load(config).Servers["pg"];
    }

    private static readonly ImmutableDictionary<string, string> Extra =
        ImmutableDictionary<string, string>.Empty.Add("BARMAN_BACKUP_ID", "20240101T000000");

    [Fact]
    public async Task Pre_runs_standard_then_retry_script_and_post_runs_retry_then_standard()
    {
        // Arrange
        var server = Server("pre_backup_script", "pre_backup_retry_script", "post_backup_script", "post_backup_retry_script");
        var runner = new ScriptedRunner();
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        await hooks.RunPreAsync("backup", Extra, CancellationToken.None);
        await hooks.RunPostAsync("backup", Extra, CancellationToken.None);

        // Assert
        Assert.Equal(["run pre_backup_script", "run pre_backup_retry_script", "run post_backup_retry_script", "run post_backup_script"],
            runner.Calls.Select(c => c.Args[1]));
        Assert.All(runner.Calls, c => Assert.Equal(("/bin/sh", "-c"), (c.File, c.Args[0])));
    }

    [Fact]
    public async Task The_environment_holds_barman_variables_the_extra_ones_and_path_prefix_in_front_of_path()
    {
        // Arrange
        var server = Server("pre_backup_retry_script");
        var runner = new ScriptedRunner();
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        await hooks.RunPreAsync("backup", Extra, CancellationToken.None);

        // Assert
        var env = runner.Calls.Single().Env!;
        Assert.Equal("3.4.0", env["BARMAN_VERSION"]);
        Assert.Equal("pg", env["BARMAN_SERVER"]);
        Assert.Equal(server.ConfigFile, env["BARMAN_CONFIGURATION"]);
        Assert.Equal("backup_retry_script", env["BARMAN_HOOK"]);
        Assert.Equal("1", env["BARMAN_RETRY"]);
        Assert.Equal("pre", env["BARMAN_PHASE"]);
        Assert.Equal("20240101T000000", env["BARMAN_BACKUP_ID"]);
        Assert.StartsWith("/opt/pg/bin:", env["PATH"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_standard_script_is_run_once_and_does_not_stop_the_operation()
    {
        // Arrange
        var server = Server("pre_delete_script");
        var runner = new ScriptedRunner { ["run pre_delete_script"] = new Queue<int>([1]) };
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        await hooks.RunPreAsync("delete", Extra, CancellationToken.None);

        // Assert
        Assert.Single(runner.Calls);
        Assert.Equal("0", runner.Calls[0].Env!["BARMAN_RETRY"]);
    }

    [Fact]
    public async Task A_retry_script_is_rerun_until_it_succeeds_sleeping_3_seconds_and_60_after_every_5_failures()
    {
        // Arrange: eight failures, then success
        var server = Server("pre_backup_retry_script");
        var runner = new ScriptedRunner { ["run pre_backup_retry_script"] = new Queue<int>([1, 2, 1, 1, 1, 1, 1, 1, 0]) };
        var sleeps = new List<TimeSpan>();
        var hooks = new HookScripts(server, runner, (t, _) =>
        {
            sleeps.Add(t);
            return Task.CompletedTask;
        });

        // Act
        await hooks.RunPreAsync("backup", Extra, CancellationToken.None);

        // Assert: barman's loop (attempts <= 5 → 3 s, else nap 60 s and start counting again)
        Assert.Equal(9, runner.Calls.Count);
        Assert.Equal([3, 3, 3, 3, 3, 60, 3, 3], sleeps.Select(s => (int)s.TotalSeconds));
    }

    [Fact]
    public async Task Exit_63_from_a_pre_retry_script_aborts_with_barmans_message()
    {
        // Arrange
        var server = Server("pre_backup_retry_script");
        var runner = new ScriptedRunner { ["run pre_backup_retry_script"] = new Queue<int>([63]) };
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        var e = await Assert.ThrowsAsync<HookScriptAbortedException>(() => hooks.RunPreAsync("backup", Extra, CancellationToken.None));

        // Assert
        Assert.Equal("Abort 'pre_backup_retry_script' retry hook script (run pre_backup_retry_script, exit code: 63)", e.Message);
        Assert.Single(runner.Calls);
    }

    [Fact]
    public async Task Exit_62_from_a_pre_retry_script_lets_the_operation_go_on_without_retrying()
    {
        // Arrange
        var server = Server("pre_backup_retry_script");
        var runner = new ScriptedRunner { ["run pre_backup_retry_script"] = new Queue<int>([62]) };
        var hooks = new HookScripts(server, runner, (_, _) => throw new InvalidOperationException("must not sleep"));

        // Act
        await hooks.RunPreAsync("backup", Extra, CancellationToken.None);

        // Assert
        Assert.Single(runner.Calls);
    }

    [Fact]
    public async Task Exit_63_from_a_post_retry_script_is_ignored_and_the_post_script_still_runs()
    {
        // Arrange
        var server = Server("post_delete_retry_script", "post_delete_script");
        var runner = new ScriptedRunner { ["run post_delete_retry_script"] = new Queue<int>([63]) };
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        await hooks.RunPostAsync("delete", Extra, CancellationToken.None);

        // Assert
        Assert.Equal(["run post_delete_retry_script", "run post_delete_script"], runner.Calls.Select(c => c.Args[1]));
    }

    [Fact]
    public async Task The_post_standard_script_can_be_given_its_own_environment()
    {
        // Arrange: barman's post_archive_script never sees the error its retry script sees
        var server = Server("post_archive_retry_script", "post_archive_script");
        var runner = new ScriptedRunner();
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);
        var withError = HookEnvironment.ForWal("000000010000000000000001", "/w/1", 16, 1.5, "gzip", "boom");
        var withoutError = HookEnvironment.ForWal("000000010000000000000001", "/w/1", 16, 1.5, "gzip");

        // Act
        await hooks.RunPostAsync("archive", withError, CancellationToken.None, withoutError);

        // Assert
        Assert.Equal("boom", runner.Calls[0].Env!["BARMAN_ERROR"]);
        Assert.Equal(string.Empty, runner.Calls[1].Env!["BARMAN_ERROR"]);
        Assert.Equal("1.5", runner.Calls[1].Env!["BARMAN_TIMESTAMP"]);
        Assert.Equal("gzip", runner.Calls[1].Env!["BARMAN_COMPRESSION"]);
    }

    [Fact]
    public async Task Nothing_runs_when_no_script_is_configured()
    {
        // Arrange
        var server = Server();
        var runner = new ScriptedRunner();
        var hooks = new HookScripts(server, runner, (_, _) => Task.CompletedTask);

        // Act
        await hooks.RunPreAsync("backup", Extra, CancellationToken.None);
        await hooks.RunPostAsync("backup", Extra, CancellationToken.None);

        // Assert
        Assert.Empty(runner.Calls);
        Assert.False(hooks.AnyFor("backup"));
    }

    /// <summary>Returns queued exit codes per script (0 once the queue is empty) and records every spec.</summary>
    private sealed class ScriptedRunner : Dictionary<string, Queue<int>>, IProcessRunner
    {
        public List<ProcessSpec> Calls { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onStdoutLine = null, Action<string>? onStderrLine = null, CancellationToken ct = default)
        {
            Calls.Add(spec);
            var code = TryGetValue(spec.Args[1], out var q) && q.Count > 0 ? q.Dequeue() : 0;
            onStdoutLine?.Invoke("out");
            return Task.FromResult(new ProcessResult(code, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, string.Empty));
        }

        public Task<(ProcessResult Result, string Stdout)> CaptureAsync(ProcessSpec spec, CancellationToken ct = default) =>
            throw new NotSupportedException();
    }
}
