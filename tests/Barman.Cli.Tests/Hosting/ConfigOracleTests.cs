// Configuration syntax read by the installed barman and by ours: list-servers must print the same bytes.
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class ConfigOracleTests : IDisposable
{
    private const string Server = "conninfo = host=127.0.0.1 port=5432\nbackup_method = postgres\n";

    private readonly string _root = Directory.CreateTempSubdirectory("barman-cfg-oracle-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Global(string extra = "") =>
        $"[barman]\nbarman_home = {_root}/home\nbarman_user = {Environment.UserName}\nlog_file = {_root}/barman.log\n{extra}";

    private void AssertSameAsBarman(string text, params (string Name, string Text)[] included)
    {
        var path = Path.Combine(_root, "barman.conf");
        File.WriteAllText(path, text);
        foreach (var (name, body) in included)
        {
            Directory.CreateDirectory(Path.Combine(_root, "barman.d"));
            File.WriteAllText(Path.Combine(_root, "barman.d", name), body);
        }
        foreach (var args in new[] { new[] { "-c", path, "list-servers" }, ["-c", path, "-f", "json", "list-servers"] })
        {
            Assert.Equal(CliRunner.Real(args), CliRunner.Ours(args));
        }
    }

    [OracleFact]
    public void Quotes_comments_and_inline_semicolons()
    {
        AssertSameAsBarman(Global("; comment\n# comment\n") + "\n[pg-a]\n" + Server + "archiver = on\ndescription = \"Server A\" \n"
            + "[pg-b]\n" + Server + "archiver = on\ndescription = 'single ; kept'\n    ; indented comment\n"
            + "[pg-c]\n" + Server + "archiver = on\ndescription = \"a\" \"b\"\n[pg-d]\n" + Server + "archiver = on\ndescription = NONE\n");
    }

    [OracleFact]
    public void Continuation_lines_colons_duplicates_and_key_case()
    {
        AssertSameAsBarman(Global() + "[pg-a]\n" + Server + "Archiver: on\ndescription: first\n  second\n\tthird\n"
            + "[pg-b]\n" + Server + "archiver = on\nDESCRIPTION = one\ndescription = two\n[PG-Upper]\n" + Server + "archiver = on\ndescription = upper\n");
    }

    [OracleFact]
    public void Interpolation_inside_a_section_and_defaults()
    {
        AssertSameAsBarman("[DEFAULT]\nsite = Paris\n" + Global() + "[pg-a]\n" + Server + "archiver = on\nslot_name = sx\ndescription = 50%% on %(slot_name)s in %(site)s\n");
    }

    [OracleFact]
    public void Included_files_override_in_name_order_and_warnings_are_the_same()
    {
        var dir = Path.Combine(_root, "barman.d");
        AssertSameAsBarman(
            Global($"configuration_files_directory = {dir}\ncompression = gzip\nbogus_global = 1\nparallel_jobs = x\n") + "[pg-a]\n" + Server + "archiver = on\ndescription = main\n",
            ("c.conf", "[pg-c]\n" + Server + "streaming_archiver = on\nslot_name = s\ndescription = from c\n[pg-a]\ndescription = overridden\nfoo = 1\n"),
            ("b.conf", "[pg-c]\ndescription = from b\nbackup_method = BOGUS\n"),
            ("x.txt", "[pg-x]\n" + Server));
    }

    [OracleFact]
    public void Invalid_values_and_forced_archiver()
    {
        AssertSameAsBarman(Global("last_backup_minimum_size = 1 GiB\n") + "[pg-a]\n" + Server + "active = y\ndescription = a\n"
            + "[pg-b]\n" + Server + "archiver = off\nstreaming_archiver = off\ncreate_slot = sometimes\ndescription = b\n");
    }

    [OracleFact]
    public void A_reserved_server_name_is_fatal()
    {
        AssertSameAsBarman(Global() + "[all]\n" + Server + "archiver = on\n");
    }
}
