// Integration: the same hook scripts configured for two servers of one PostgreSQL 15, one driven by the real barman 3.4
// and one by ours; each script dumps its BARMAN_* environment, and the two sides must have seen the same thing.
using System.Text.RegularExpressions;
using Barman.Cli;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Hooks;

public sealed partial class HookScriptOracleTests
{
    private const string Real = "pg-real";
    private const string Mine = "pg-ours";
    private static readonly string[] Operations = ["backup", "delete", "wal_delete", "archive", "recovery"];

    private static (int Code, string Out, string Err) Ours(string config, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", config, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int Code, string Out, string Err) Theirs(string config, params string[] args)
    {
        var r = TestProcess.Run("/usr/bin/barman", ["-c", config, .. args], check: false);
        return (r.ExitCode, r.Stdout, r.Stderr);
    }

    [Fact]
    public async Task Backup_delete_archive_and_wal_delete_scripts_see_what_the_real_barman_gives_them()
    {
        // Arrange: one cluster archiving into both servers' incoming directories, every script dumping its environment
        using var home = BarmanHome.Create(Real);
        var mineIncoming = Path.Combine(home.HomeDir, Mine, "incoming");
        Directory.CreateDirectory(mineIncoming);
        File.SetUnixFileMode(Path.Combine(home.HomeDir, Mine), (UnixFileMode)0x1ED);
        File.SetUnixFileMode(mineIncoming, (UnixFileMode)0x1FF);
        var staging = Path.Combine(home.Root, "staging");
        Directory.CreateDirectory(staging);
        File.SetUnixFileMode(staging, (UnixFileMode)0x1FF);
        var copy = $"cp %p {staging}/%f.a && mv {staging}/%f.a {home.Incoming}/%f && cp %p {staging}/%f.b && mv {staging}/%f.b {mineIncoming}/%f";
        await using var cluster = await PostgresCluster.StartAsync(new ClusterOptions(ArchiveMode: true, IncomingDirectory: home.Incoming, Port: 55313,
            ExtraSettings: [$"archive_command = '{copy}'"]));
        var dumps = Path.Combine(home.Root, "dumps");
        var config = WriteConfig(home, cluster, dumps);
        cluster.Psql("CREATE TABLE t(x int); INSERT INTO t VALUES (1);");
        cluster.SwitchWal();
        for (var i = 0; i < 100 && !(Directory.EnumerateFiles(home.Incoming).Any() && Directory.EnumerateFiles(mineIncoming).Any()); i++)
        {
            await Task.Delay(100);
        }

        // Act: archive-wal, a first backup (it purges older WAL) and its deletion, on each side
        Assert.Equal(0, Theirs(config, "archive-wal", Real).Code);
        Assert.Equal(0, Ours(config, "archive-wal", Mine).Code);
        var theirBackup = Theirs(config, "backup", Real, "--wait");
        var ourBackup = Ours(config, "backup", Mine, "--wait");
        var theirDelete = Theirs(config, "delete", Real, "oldest");
        var ourDelete = Ours(config, "delete", Mine, "oldest");

        // Assert
        Assert.True(theirBackup.Code == 0, theirBackup.Out + theirBackup.Err);
        Assert.True(ourBackup.Code == 0, ourBackup.Out + ourBackup.Err);
        Assert.Equal(0, theirDelete.Code);
        Assert.Equal(0, ourDelete.Code);
        AssertSameHooks(dumps);

        // Act: the pre backup retry script asks to stop (63), then the pre delete retry script does on the FAILED backup
        // (both incoming directories emptied first: each side's backups switched WAL into the other's too)
        await Task.Delay(1000);
        Theirs(config, "archive-wal", Real);
        Ours(config, "archive-wal", Mine);
        foreach (var server in new[] { Real, Mine })
        {
            File.WriteAllText(Path.Combine(dumps, "codes", $"{server}.pre_backup_retry_script"), "63\n");
        }
        var theirAbort = Theirs(config, "backup", Real);
        var ourAbort = Ours(config, "backup", Mine);
        foreach (var server in new[] { Real, Mine })
        {
            File.WriteAllText(Path.Combine(dumps, "codes", $"{server}.pre_delete_retry_script"), "63\n");
        }
        var theirFailedId = Theirs(config, "list-backup", "--minimal", Real).Out.Trim();
        var ourFailedId = Ours(config, "list-backup", "--minimal", Mine).Out.Trim();
        var theirRefusal = Theirs(config, "delete", Real, theirFailedId);
        var ourRefusal = Ours(config, "delete", Mine, ourFailedId);

        // Assert: FAILED with the abort as error, same console lines and exit codes, and the same scripts run
        Assert.Equal((1, Normalize(theirAbort.Err)), (ourAbort.Code, Normalize(ourAbort.Err)));
        Assert.Equal(1, theirAbort.Code);
        Assert.Contains("Abort 'pre_backup_retry_script' retry hook script", ourAbort.Err, StringComparison.Ordinal);
        Assert.Equal(Normalize(theirAbort.Out), Normalize(ourAbort.Out));
        Assert.Equal(
            Normalize(File.ReadAllText(Path.Combine(home.HomeDir, Real, "base", theirFailedId, "backup.info")).Split('\n').Single(l => l.StartsWith("error=", StringComparison.Ordinal))),
            Normalize(File.ReadAllText(Path.Combine(home.HomeDir, Mine, "base", ourFailedId, "backup.info")).Split('\n').Single(l => l.StartsWith("error=", StringComparison.Ordinal))));
        Assert.Equal((theirRefusal.Code, Normalize(theirRefusal.Err)), (ourRefusal.Code, Normalize(ourRefusal.Err)));
        Assert.StartsWith("EXCEPTION: Abort 'pre_delete_retry_script' retry hook script", ourRefusal.Err, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(home.HomeDir, Mine, "base", ourFailedId)));
        AssertSameHooks(dumps);
    }

    // The backup/delete scripts in order, and the distinct archive/wal_delete environments (their count depends on
    // how many WAL files each side found), are equal once ids, WAL names, times and server names are normalised.
    private static void AssertSameHooks(string dumps)
    {
        var real = ReadDumps(Path.Combine(dumps, Real));
        var ours = ReadDumps(Path.Combine(dumps, Mine));
        Assert.NotEmpty(real);
        Assert.Equal(
            string.Join("\n---\n", real.Where(d => !IsWal(d))),
            string.Join("\n---\n", ours.Where(d => !IsWal(d))));
        Assert.Equal(
            real.Where(IsWal).Distinct().Order(StringComparer.Ordinal),
            ours.Where(IsWal).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(real, d => d.Contains("BARMAN_HOOK=wal_delete_script", StringComparison.Ordinal));
        Assert.Contains(real, d => d.Contains("BARMAN_HOOK=archive_retry_script", StringComparison.Ordinal));
    }

    private static bool IsWal(string dump) => dump.Contains("BARMAN_SEGMENT=", StringComparison.Ordinal);

    private static List<string> ReadDumps(string dir) =>
        Directory.Exists(dir)
            ? Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => Normalize(File.ReadAllText(f))).ToList()
            : [];

    private static string Normalize(string text)
    {
        text = text.Replace(Real, "<SRV>", StringComparison.Ordinal).Replace(Mine, "<SRV>", StringComparison.Ordinal);
        text = BackupIdPattern().Replace(text, "<ID>");
        text = WalPattern().Replace(text, "<WAL>");
        text = TimestampPattern().Replace(text, "BARMAN_TIMESTAMP=<T>");
        text = LabelSizePattern().Replace(text, "$1<N>");
        return LsnPattern().Replace(text, "<LSN>");
    }

    private static string WriteConfig(BarmanHome home, PostgresCluster cluster, string dumps)
    {
        Directory.CreateDirectory(Path.Combine(dumps, "codes"));
        var script = Path.Combine(dumps, "dump.sh");
        File.WriteAllText(script, $$"""
            #!/bin/sh
            # $1 = script option name: dump the BARMAN_* environment, exit with the next queued code (default 0)
            dir={{dumps}}/$BARMAN_SERVER
            mkdir -p "$dir"
            n=$(ls "$dir" | wc -l)
            env | grep '^BARMAN_' | sort > "$dir/$(printf %04d "$n")-$1"
            codes={{dumps}}/codes/$BARMAN_SERVER.$1
            code=0
            if [ -s "$codes" ]; then code=$(head -n1 "$codes"); sed -i 1d "$codes"; fi
            echo "output of $1"
            exit $code
            """ + "\n");
        File.SetUnixFileMode(script, (UnixFileMode)0x1ED);
        var hooks = string.Concat(Operations.SelectMany(op => new[] { "pre", "post" }.SelectMany(phase => new[]
        {
            $"{phase}_{op}_script = {script} {phase}_{op}_script\n",
            $"{phase}_{op}_retry_script = {script} {phase}_{op}_retry_script\n",
        })));
        var server = $"""
            conninfo = {cluster.Conninfo}
            streaming_conninfo = {cluster.StreamingConninfo}
            backup_method = postgres
            archiver = on
            streaming_archiver = off
            path_prefix = {PostgresCluster.BinDir}
            """;
        File.WriteAllText(home.ConfigFile, $"[barman]\nbarman_home = {home.HomeDir}\nbarman_user = root\nlog_file = {home.LogFile}\nlog_level = DEBUG\ncompression = gzip\n"
            + hooks + $"\n[{Real}]\ndescription = real\n{server}\n\n[{Mine}]\ndescription = ours\n{server}\n");
        return home.ConfigFile;
    }

    [GeneratedRegex(@"\d{8}T\d{6}")]
    private static partial Regex BackupIdPattern();

    [GeneratedRegex(@"[0-9A-F]{24}(\.[0-9A-F]{8}\.backup)?")]
    private static partial Regex WalPattern();

    [GeneratedRegex(@"BARMAN_TIMESTAMP=.*")]
    private static partial Regex TimestampPattern();

    // Compressed sizes and .backup label sizes depend on the bytes of each run.
    [GeneratedRegex(@"(BARMAN_SIZE=)(?!16777216\b)\d+")]
    private static partial Regex LabelSizePattern();

    [GeneratedRegex(@"[0-9A-F]+/[0-9A-F]+ \(<WAL>, [0-9A-F]{8}\)")]
    private static partial Regex LsnPattern();
}
