// A throw-away server home for check tests: config text, fake client programs and catalog files as the reference lays them out.
using Barman.Core.Configuration;
using Barman.Core.Processes;

namespace Barman.Cli.Tests.Checks;

/// <summary>
/// A barman home whose pg-main points at a loopback port where nothing listens (PostgreSQL "stopped"), with
/// pg_basebackup/pg_receivewal placeholders on path_prefix answered by <see cref="FakeVersionRunner"/>.
/// </summary>
internal sealed class FakeCatalog : IDisposable
{
    /// <summary>In this worktree's port range and never listened on by these tests.</summary>
    public const int ClosedPort = 55199;

    public FakeCatalog(string extraServerLines = "")
    {
        Root = Directory.CreateTempSubdirectory("barman-checks-").FullName;
        var bin = Path.Combine(Root, "bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "pg_basebackup"), string.Empty);
        File.WriteAllText(Path.Combine(bin, "pg_receivewal"), string.Empty);
        ConfigFile = Path.Combine(Root, "barman.conf");
        File.WriteAllText(ConfigFile, $"""
            [barman]
            barman_home = {Root}/home
            barman_user = {Environment.UserName}
            log_level = INFO
            minimum_redundancy = 1
            compression = gzip

            [pg-main]
            description = "Main Production Server"
            conninfo = host=127.0.0.1 port={ClosedPort} user=barman dbname=postgres connect_timeout=2
            streaming_conninfo = host=127.0.0.1 port={ClosedPort} user=streaming_barman connect_timeout=2
            backup_method = postgres
            streaming_archiver = on
            archiver = on
            slot_name = barman
            retention_policy = RECOVERY WINDOW OF 14 DAYS
            path_prefix = {bin}
            {extraServerLines}
            """ + "\n");
    }

    public string Root { get; }

    public string ConfigFile { get; }

    public string ServerDir => Path.Combine(Root, "home", "pg-main");

    public ServerConfig Server => ConfigLoader.Load(ConfigFile).Servers["pg-main"];

    /// <summary>Writes base/&lt;id&gt;/backup.info with the fields the checks read.</summary>
    public void AddBackup(string id, string status, long size, string beginWal, string endWal, string endTime = "2026-11-24 23:00:52.123456+00:00")
    {
        var dir = Path.Combine(ServerDir, "base", id);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "backup.info"),
            $"begin_wal={beginWal}\nend_time={endTime}\nend_wal={endWal}\nsize={size}\nstatus={status}\nsystemid=7711876488350017302\n");
    }

    /// <summary>Writes wals/xlog.db with one line per (name, size).</summary>
    public void WriteXlogDb(params (string Name, long Size)[] entries)
    {
        var dir = Path.Combine(ServerDir, "wals");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "xlog.db"), string.Concat(entries.Select(e => $"{e.Name}\t{e.Size}\t1795561312.9438105\tgzip\n")));
    }

    public void AddErrorFile(string name)
    {
        var dir = Path.Combine(ServerDir, "errors");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name), "x");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Answers <c>--version</c> like the PostgreSQL 15.18 client programs, without starting any process.</summary>
internal sealed class FakeVersionRunner : IProcessRunner
{
    public Task<ProcessResult> RunAsync(ProcessSpec spec, Action<string>? onStdoutLine = null, Action<string>? onStderrLine = null, CancellationToken ct = default) =>
        throw new InvalidOperationException("check must only ask for versions");

    public Task<(ProcessResult Result, string Stdout)> CaptureAsync(ProcessSpec spec, CancellationToken ct = default) =>
        Task.FromResult((new ProcessResult(0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, string.Empty),
            $"{Path.GetFileName(spec.File)} (PostgreSQL) 15.18\n"));
}
