// The [suggest:N] directive reaches System.CommandLine past the argparse front end: verbs, options, servers, backup ids.
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class ShellCompletionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("barman-completion-").FullName;

    public ShellCompletionTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "barman.d"));
        File.WriteAllText(Path.Combine(_dir, "barman.conf"),
            $"[barman]\nbarman_home = {_dir}/home\nconfiguration_files_directory = {_dir}/barman.d\nbarman_user = root\n");
        foreach (var server in new[] { "pg-main", "pg-other", "reporting" })
        {
            File.WriteAllText(Path.Combine(_dir, "barman.d", server + ".conf"), $"[{server}]\nconninfo = host=localhost\nbackup_method = postgres\n");
        }
        var backup = Directory.CreateDirectory(Path.Combine(_dir, "home", "pg-main", "base", "20240101T010203"));
        File.WriteAllText(Path.Combine(backup.FullName, "backup.info"), "status=DONE\n");
        // A directory without backup.info is not a backup.
        Directory.CreateDirectory(Path.Combine(_dir, "home", "pg-main", "base", "incomplete"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_partial_verb_lists_the_verbs_it_starts()
    {
        var suggestions = Suggest("barman li");

        Assert.Equal(["list-backup", "list-backups", "list-files", "list-server", "list-servers"],
            suggestions.Where(s => s.StartsWith("li", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_partial_option_lists_the_verbs_options_and_no_foreign_help_aliases()
    {
        var suggestions = Suggest("barman list-backup --");

        Assert.Equal(["--help", "--minimal"], suggestions);
        Assert.DoesNotContain("-?", Suggest("barman "));
        Assert.Contains("--format", Suggest("barman --f"));
    }

    [Fact]
    public void A_server_argument_lists_the_configured_servers()
    {
        Assert.Equal(["pg-main", "pg-other"], Suggest($"barman -c {_dir}/barman.conf show-server pg").Where(s => !s.StartsWith('-')));
        // Verbs that take several servers also offer 'all'.
        Assert.Contains("all", Suggest($"barman -c {_dir}/barman.conf check "));
        Assert.Contains("reporting", Suggest($"barman -c {_dir}/barman.conf check "));
    }

    [Fact]
    public void A_backup_argument_lists_the_catalog_and_the_shortcuts_not_the_servers_again()
    {
        var suggestions = Suggest($"barman -c {_dir}/barman.conf show-backup pg-main ").Where(s => !s.StartsWith('-')).ToList();

        Assert.Equal(["20240101T010203", "first", "last", "last-failed", "latest", "oldest"], suggestions);
    }

    [Fact]
    public void A_missing_configuration_gives_no_server_names_and_no_error()
    {
        const string line = "barman -c /nonexistent check ";
        var result = CliRunner.Ours($"[suggest:{line.Length}]", line);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.DoesNotContain("pg-main", result.Stdout, StringComparison.Ordinal);
    }

    private static List<string> Suggest(string line)
    {
        var result = CliRunner.Ours($"[suggest:{line.Length}]", line);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        return [.. result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
