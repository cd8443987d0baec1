// Oracle: a server disabled by a configuration error (or inactive) is refused by every verb exactly as barman 3.4 does:
// same stdout, stderr and exit code as /usr/bin/barman on the same config and catalog, next to a healthy server.
using Barman.Cli.Tests.Golden;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Servers;

[Collection(CliCollection.Name)]
public sealed class DisabledServerOracleTests : IDisposable
{
    // Nothing listens there (the task's port range): the healthy server's connections fail at once, for both programs.
    private const string Conninfo = "host=127.0.0.1 port=56150 user=barman dbname=postgres connect_timeout=2";
    private const string Wal = "000000010000000000000001";

    private readonly string _root = Directory.CreateTempSubdirectory("gate-oracle-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Home => Path.Combine(_root, "home");

    private string ConfigFile => Path.Combine(_root, "barman.conf");

    /// <summary>
    /// A postgres-method server with a streaming archiver and one DONE backup. <paramref name="changes"/> lines replace
    /// the defaults of the same key ("key =" drops it), as a duplicate key would be a syntax error.
    /// </summary>
    private string Server(string name, string changes = "")
    {
        var dir = Path.Combine(Home, name, "base", "20261124T230153");
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "backup.info"),
            GoldenHome.GoldenFile("pg-main-20261124T230153.info").Replace("server_name=pg-main", "server_name=" + name, StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(Home, name, "wals"));
        File.WriteAllText(Path.Combine(Home, name, "wals", "xlog.db"), string.Empty);
        var keys = new List<(string Key, string Value)>
        {
            ("description", name), ("conninfo", Conninfo), ("backup_method", "postgres"), ("streaming_archiver", "on"), ("slot_name", "barman"),
        };
        foreach (var line in changes.Replace("{home}", Home, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (line.Split('=', 2)[0].Trim(), line.Split('=', 2)[1].Trim());
            keys.RemoveAll(k => k.Key == key);
            if (value.Length > 0)
            {
                keys.Add((key, value));
            }
        }
        return $"[{name}]\n" + string.Concat(keys.Select(k => $"{k.Key} = {k.Value}\n"));
    }

    private void WriteConfig(params string[] sections) => File.WriteAllText(ConfigFile,
        $"[barman]\nbarman_home = {Home}\nbarman_user = {Environment.UserName}\nlog_file = {_root}/barman.log\n\n" + string.Join("\n", sections));

    private void AssertSameAsBarman(IEnumerable<string> commands)
    {
        foreach (var command in commands)
        {
            string[] args = ["-c", ConfigFile, .. command.Split(' ')];
            var real = CliRunner.Real(args)!;
            var ours = CliRunner.Ours(args);
            Assert.True(real == ours, $"barman {command}\nreal: {real}\nours: {ours}");
        }
    }

    /// <summary>The configuration errors barman 3.4 disables a server for (found by running it), one per case.</summary>
    public static TheoryData<string> DisablingErrors() =>
    [
        "network_compression = true",
        "reuse_backup = copy",
        "tablespace_bandwidth_limit = tbs1:100",
        "wals_directory = {home}/pg-bad/base",
        "errors_directory = {home}/pg-bad/incoming/",
        "streaming_conninfo = none",
        "conninfo =",
        "conninfo = host=127.0.0.1 port",
        "conninfo = postgresql://%%zz@127.0.0.1/postgres",
        "archiver = off\nslot_name =",
        "backup_method = rsync\nssh_command = ssh pg\nbackup_compression = gzip",
        "backup_method = rsync",
    ];

    [OracleTheory]
    [MemberData(nameof(DisablingErrors))]
    public void Each_configuration_error_disables_the_server_in_the_catalog_verbs(string error)
    {
        // Arrange
        WriteConfig(Server("pg-bad", error), Server("pg-ok"));

        // Act + Assert
        AssertSameAsBarman([
            "list-servers", "-f json list-servers", "status pg-bad",
            "list-backup pg-bad", "list-backup all", "-f json list-backup all", "show-backup pg-bad latest",
            "get-wal pg-bad " + Wal, "-f json backup all",
        ]);
    }

    [OracleFact]
    public void Every_verb_refuses_a_disabled_server_and_skips_an_inactive_one_as_barman_does()
    {
        // Arrange: pg-off is inactive and disabled, pg-quiet only inactive
        WriteConfig(Server("pg-bad", "network_compression = true"), Server("pg-off", "active = false\nreuse_backup = link"),
            Server("pg-ok"), Server("pg-quiet", "active = false"));
        List<string> commands = [];
        foreach (var server in new[] { "pg-bad", "pg-off", "pg-quiet" })
        {
            commands.AddRange([
                $"list-backup {server}", $"-f json list-backup {server}", $"show-backup {server} latest", $"-f json show-backup {server} latest",
                $"list-files {server} latest", $"delete {server} latest", $"keep {server} latest --status", $"keep {server} latest --release",
                $"keep {server} latest --target full", $"check-backup {server} latest", $"verify-backup {server} latest",
                $"generate-manifest {server} latest", $"recover {server} latest {_root}/dest", $"get-wal {server} {Wal}",
                $"get-wal {server} --test {Wal}", $"-f json get-wal {server} --test {Wal}", $"get-wal {server} --peek 3 {Wal}",
                $"get-wal {server} -o {_root} {Wal}", $"put-wal {server} --test", $"archive-wal {server}", $"receive-wal {server}",
                $"backup {server}", $"switch-wal {server}", $"rebuild-xlogdb {server}", $"replication-status {server}", $"status {server}",
                $"check-wal-archive {server}", $"sync-info {server}", $"sync-wals {server}", $"sync-backup {server} latest",
            ]);
        }
        // Controls of receive-wal reach inactive servers (then PostgreSQL decides): only the disabled ones are compared.
        commands.AddRange(["receive-wal pg-bad --stop", "receive-wal pg-off --reset", "receive-wal pg-off --create-slot", "put-wal pg-bad"]);
        // Several servers: unknown names and 'all' mixed with names come first, then each server in turn.
        commands.AddRange([
            "list-backup all", "-f json list-backup all", "list-backup nosuch pg-bad pg-ok", "-f json list-backup nosuch pg-bad pg-ok",
            "backup all", "-f json backup all pg-ok", "switch-wal all", "-f json switch-wal pg-ok pg-bad", "rebuild-xlogdb all",
            "-f json status all", "replication-status all",
        ]);

        // Act + Assert
        AssertSameAsBarman(commands);
    }

    [OracleFact]
    public void A_directory_shared_by_two_servers_refuses_the_whole_configuration()
    {
        // Arrange: two servers would archive into one WAL directory
        WriteConfig(Server("pg-bad", "wals_directory = {home}/pg-ok/wals/"), Server("pg-ok"));

        // Act + Assert: every command stops with the clash, cron included (it must not start two archivers there)
        AssertSameAsBarman(["list-servers", "-f json list-backup pg-ok", "get-wal pg-ok " + Wal, "cron"]);
    }

    [OracleFact]
    public void Cron_announces_the_inactive_and_disabled_servers_it_skips()
    {
        // Arrange: no healthy server, so neither program starts background archivers
        WriteConfig(Server("pg-bad", "network_compression = true"), Server("pg-off", "active = false\nreuse_backup = link"), Server("pg-quiet", "active = false"));

        // Act + Assert
        AssertSameAsBarman(["cron", "-f json cron"]);
    }
}
