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
