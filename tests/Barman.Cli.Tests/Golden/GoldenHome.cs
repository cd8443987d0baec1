// A throw-away barman home for golden and oracle tests: config, backup.info files, xlog.db; runs our CLI in-process.
using Barman.Cli;

namespace Barman.Cli.Tests.Golden;

/// <summary>One server's catalog on disk plus helpers to run <c>barman</c> against it.</summary>
internal sealed class GoldenHome : IDisposable
{
    public GoldenHome(string server, string serverLines)
    {
        Server = server;
        Root = Path.Combine(Path.GetTempPath(), "barman-golden-" + Guid.NewGuid().ToString("N")[..10]);
        foreach (var d in new[] { "base", "wals", "incoming", "streaming", "errors" })
        {
            Directory.CreateDirectory(Path.Combine(ServerDir, d));
        }
        WriteConfig(serverLines);
    }

    private static readonly string[] DoctoredDays = ["04", "12", "15", "21", "23"];

    // Transcript 62: five copies of a real backup.info with begin/end moved to 23:00:00/23:00:02 of the given days.
    public static GoldenHome Doctored(string minimumRedundancy = "1", string? keepOldest = null)
    {
        var home = new GoldenHome("pg-fake", $"retention_policy = RECOVERY WINDOW OF 7 DAYS\nminimum_redundancy = {minimumRedundancy}");
        var template = GoldenHome.GoldenFile("pg-main-20261124T230153.info").Replace("server_name=pg-main", "server_name=pg-fake", StringComparison.Ordinal);
        foreach (var day in DoctoredDays)
        {
            var text = template
                .Replace("begin_time=2026-11-24 23:01:53.284929+00:00", $"begin_time=2026-11-{day} 23:00:00+00:00", StringComparison.Ordinal)
                .Replace("end_time=2026-11-24 23:01:54.573840+00:00", $"end_time=2026-11-{day} 23:00:02+00:00", StringComparison.Ordinal);
            home.AddBackup($"202611{day}T230000", text, day == "04" ? keepOldest : null);
        }
        home.WriteXlogDb(string.Empty);
        return home;
    }

    public string Server { get; }

    public string Root { get; }

    public string ServerDir => Path.Combine(Root, "home", Server);

    public string ConfigFile => Path.Combine(Root, "barman.conf");

    public static string GoldenFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "catalog", name));

    /// <summary>(Re)writes barman.conf: global minimum_redundancy 1, then the server section with the given lines.</summary>
    public void WriteConfig(string serverLines) => File.WriteAllText(ConfigFile, $"""
        [barman]
        barman_user = root
        barman_home = {Root}/home
        log_file = {Root}/barman.log
        minimum_redundancy = 1
        compression = gzip

        [{Server}]
        description = Golden test server
        conninfo = host=127.0.0.1 port=55302 user=barman dbname=postgres
        streaming_conninfo = host=127.0.0.1 port=55302 user=streaming_barman
        backup_method = postgres
        streaming_archiver = on
        slot_name = barman
        {serverLines}
        """ + "\n");

    /// <summary>Writes a backup.info text as base/&lt;id&gt;/backup.info with an empty data/.</summary>
    public void AddBackup(string id, string backupInfo, string? keep = null)
    {
        var dir = Path.Combine(ServerDir, "base", id);
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "backup.info"), backupInfo);
        if (keep is not null)
        {
            Directory.CreateDirectory(Path.Combine(dir, "annotations"));
            File.WriteAllText(Path.Combine(dir, "annotations", "keep"), keep);
        }
    }

    public void WriteXlogDb(string text) => File.WriteAllText(Path.Combine(ServerDir, "wals", "xlog.db"), text);

    /// <summary>Runs our barman in-process: (exit code, stdout, stderr).</summary>
    public (int Code, string Out, string Err) Run(TimeProvider clock, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", ConfigFile, .. args], stdout, stderr, clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
