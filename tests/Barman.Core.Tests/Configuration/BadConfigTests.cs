// The bad configurations of transcript 50 (and layout/log-config-errors.txt): what loading them reports.
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Configuration;

public sealed class BadConfigTests
{
    private const string Global = "[barman]\nbarman_home = /srv/ref/badhome\nbarman_user = barman\nlog_file = /srv/ref/badconf/bad.log\nlog_level = INFO\ncompression = gzip\n";

    private const string Server = "description = \"Bad config test\"\nconninfo = host=127.0.0.1 port=54331 user=barman dbname=postgres\n"
        + "streaming_conninfo = host=127.0.0.1 port=54331 user=streaming_barman\nbackup_method = postgres\n";

    private const string Archivers = "streaming_archiver = on\narchiver = on\nslot_name = barman_bad\n";

    private static GlobalConfig Load(string text) => ConfigLoader.Build("/srv/ref/badconf/x.conf", [IniDocument.Parse("/srv/ref/badconf/x.conf", text)]);

    [Fact]
    public void Minimum_redundancy_abc_is_only_logged_and_read_as_zero()
    {
        var config = Load(Global + "minimum_redundancy = abc\n\n[pg-bad]\n" + Server + Archivers);
        Assert.Empty(config.Warnings);
        Assert.Equal(["Invalid minimum_redundancy \"abc\" for server \"pg-bad\" (fallback to \"0\")"], config.LogWarnings.ToArray());
        Assert.Equal(0, config.Servers["pg-bad"].MinimumRedundancy);
        Assert.False(config.Servers["pg-bad"].Disabled);
    }

    [Theory]
    [InlineData("retention_policy = KEEP FOREVER\n")]
    [InlineData("compression = foo\n")]
    [InlineData("wal_retention_policy = BASE\n")]
    public void Values_checked_later_load_silently(string line)
    {
        var config = Load(Global + "\n[pg-bad]\n" + Server + Archivers + line);
        Assert.Empty(config.Warnings);
        Assert.False(config.Servers["pg-bad"].Disabled);
        Assert.Equal("Bad config test", config.Servers["pg-bad"].Description);
    }

    [Fact]
    public void An_invalid_backup_method_is_ignored_with_a_warning_and_falls_back_to_rsync()
    {
        var config = Load(Global + "\n[pg-bad]\n" + Server.Replace("backup_method = postgres", "backup_method = bogus", StringComparison.Ordinal) + Archivers);
        const string warning = "Ignoring invalid configuration value 'bogus' for key backup_method in [pg-bad] section: Invalid value (must be one in: 'rsync', 'postgres', 'local-rsync', 'snapshot')";
        Assert.Equal([warning], config.Warnings.ToArray());
        Assert.Equal([warning], config.LogWarnings.ToArray());
        var server = config.Servers["pg-bad"];
        Assert.Equal("rsync", server.BackupMethod);
        Assert.True(server.Disabled);
        Assert.Equal(["Missing or invalid ssh_command in barman configuration for server pg-bad"], server.Messages.ToArray());
    }

    [Fact]
    public void A_missing_conninfo_disables_the_server_without_a_warning()
    {
        var config = Load(Global + "\n[pg-bad]\n" + Server.Replace("conninfo = host=127.0.0.1 port=54331 user=barman dbname=postgres\n", string.Empty, StringComparison.Ordinal) + Archivers);
        Assert.Empty(config.Warnings);
        Assert.True(config.Servers["pg-bad"].Disabled);
        Assert.Equal(["PostgreSQL connection: Missing 'conninfo' parameter for server 'pg-bad'"], config.Servers["pg-bad"].Messages.ToArray());
    }

    [Fact]
    public void An_unknown_key_is_reported_and_the_server_still_works()
    {
        var config = Load(Global + "\n[pg-bad]\n" + Server + Archivers + "foo_bar = 1\n");
        Assert.Equal(["Invalid configuration option \"foo_bar\" in [pg-bad] section."], config.Warnings.ToArray());
        Assert.False(config.Servers["pg-bad"].Disabled);
        Assert.Null(config.Servers["pg-bad"].Get("foo_bar"));
    }

    [Fact]
    public void A_syntax_error_is_one_configuration_error_naming_file_and_line()
    {
        var e = Assert.Throws<ConfigurationException>(() => Load(Global + "\n\n[pg-bad]\n" + Server + Archivers + "this line has no equals sign\n"));
        Assert.Equal("Source contains parsing errors: '/srv/ref/badconf/x.conf' [line 17]: 'this line has no equals sign'", e.Message);
    }

    [Fact]
    public void A_server_named_all_is_fatal()
    {
        var e = Assert.Throws<FatalConfigurationException>(() => Load(Global + "\n[all]\n" + Server + Archivers));
        Assert.Equal("the reserved word 'all' is not allowed as server name.Please rename it.", e.Message);
        Assert.Equal(1, e.ExitCode);
    }

    [Fact]
    public void No_archiver_is_reported_and_archiver_is_forced_on()
    {
        var config = Load(Global + "\n[pg-bad]\n" + Server + "streaming_archiver = off\narchiver = off\nslot_name = barman_bad\n");
        string[] expected =
        [
            "No archiver enabled for server 'pg-bad'. Please turn on 'archiver', 'streaming_archiver' or both",
            "Forcing 'archiver = on'",
        ];
        Assert.Equal(expected, config.Warnings.ToArray());
        Assert.True(config.Servers["pg-bad"].Archiver);
        Assert.False(config.Servers["pg-bad"].StreamingArchiver);
    }

    [Fact]
    public void A_missing_file_is_a_plain_message()
    {
        var e = Assert.Throws<PlainMessageException>(() => ConfigLoader.Locate("/srv/ref/nonexistent.conf", "/root"));
        Assert.Equal("Configuration file '/srv/ref/nonexistent.conf' does not exist", e.Message);
        Assert.Equal(1, e.ExitCode);
    }
}
