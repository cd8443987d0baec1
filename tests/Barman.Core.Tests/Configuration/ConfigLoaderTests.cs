// Tests of ConfigLoader: search order, inheritance, defaults, %(name)s expansion, quotes and included files.
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Configuration;

public sealed class ConfigLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("barman-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static GlobalConfig Build(string text) => ConfigLoader.Build("/x.conf", [IniDocument.Parse("/x.conf", text)]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Search_order_is_home_then_etc_then_etc_barman()
    {
        Assert.Equal(["/home/u/.barman.conf", "/etc/barman.conf", "/etc/barman/barman.conf"], ConfigLoader.DefaultLocations("/home/u"));
    }

    [Fact]
    public void The_first_existing_default_file_is_used()
    {
        Write(".barman.conf", "[barman]\n");
        Assert.Equal(Path.Combine(_dir, ".barman.conf"), ConfigLoader.Locate(null, _dir));
    }

    [Fact]
    public void An_explicit_file_wins_and_is_tested_as_typed()
    {
        var path = Write("mine.conf", "[barman]\n");
        Assert.Equal(path, ConfigLoader.Locate(path, "/nowhere"));
        var e = Assert.Throws<PlainMessageException>(() => ConfigLoader.Locate("~/mine.conf", _dir));
        Assert.Equal("Configuration file '~/mine.conf' does not exist", e.Message);
    }

    [Fact]
    public void Defaults_are_expanded_from_barman_home_and_the_server_name()
    {
        var server = Build("[barman]\nbarman_home = /srv/home\n[pg-main]\nconninfo = h\narchiver = on\n").Servers["pg-main"];
        Assert.Equal("/srv/home/pg-main", server.BackupDirectory);
        Assert.Equal("/srv/home/pg-main/base", server.BaseBackupsDirectory);
        Assert.Equal("/srv/home/pg-main/wals", server.WalsDirectory);
        Assert.Equal("/srv/home/pg-main/incoming", server.IncomingWalsDirectory);
        Assert.Equal("/srv/home/pg-main/streaming", server.StreamingWalsDirectory);
        Assert.Equal("/srv/home/pg-main/errors", server.ErrorsDirectory);
        Assert.Equal("/srv/home", server.LockDirectory);
        Assert.Equal("h", server.StreamingConninfo);
    }

    [Fact]
    public void A_backup_directory_moves_every_directory_derived_from_it()
    {
        var server = Build("[barman]\nbarman_home = /srv/home\n[pg]\nconninfo = h\narchiver = on\nslot_name = s1\nbackup_directory = /data/%(slot_name)s\n").Servers["pg"];
        Assert.Equal("/data/s1", server.BackupDirectory);
        Assert.Equal("/data/s1/wals", server.WalsDirectory);
    }

    [Fact]
    public void Global_values_are_inherited_and_server_values_override_them()
    {
        var config = Build("[barman]\ncompression = gzip\nminimum_redundancy = 1\nretention_policy = RECOVERY WINDOW OF 7 DAYS\n"
            + "[a]\nconninfo = h\narchiver = on\n[b]\nconninfo = h\narchiver = on\ncompression = bzip2\nminimum_redundancy = 3\n");
        Assert.Equal(("gzip", 1), (config.Servers["a"].Compression, config.Servers["a"].MinimumRedundancy));
        Assert.Equal(("bzip2", 3), (config.Servers["b"].Compression, config.Servers["b"].MinimumRedundancy));
    }

    [Fact]
    public void Server_only_options_in_barman_are_accepted_but_not_inherited()
    {
        var config = Build("[barman]\ndescription = global\nconninfo = host=g\n[a]\nconninfo = h\narchiver = on\n");
        Assert.Empty(config.Warnings);
        Assert.Equal(string.Empty, config.Servers["a"].Description);
        Assert.Equal("h", config.Servers["a"].Conninfo);
    }

    [Fact]
    public void Global_only_options_in_a_server_and_unknown_global_options_are_reported()
    {
        var config = Build("[barman]\nbogus_global = 1\n[a]\nconninfo = h\narchiver = on\nbarman_home = /x\n");
        Assert.Equal(["Invalid configuration option \"bogus_global\" in [barman] section.", "Invalid configuration option \"barman_home\" in [a] section."], config.Warnings.ToArray());
    }

    [Fact]
    public void An_invalid_inherited_value_is_reported_once_per_server_that_inherits_it()
    {
        var config = Build("[barman]\nparallel_jobs = x\n[a]\nconninfo = h\narchiver = on\n[b]\nconninfo = h\narchiver = on\nparallel_jobs = 2\n[c]\nconninfo = h\narchiver = on\n");
        const string warning = "Ignoring invalid configuration value 'x' for key parallel_jobs in [barman] section: invalid literal for int() with base 10: 'x'";
        Assert.Equal([warning, warning], config.Warnings.ToArray());
        Assert.Equal((1, 2, 1), (config.Servers["a"].ParallelJobs, config.Servers["b"].ParallelJobs, config.Servers["c"].ParallelJobs));
    }

    [Fact]
    public void An_invalid_server_value_falls_back_to_the_global_one()
    {
        var config = Build("[barman]\nbackup_method = postgres\n[a]\nconninfo = h\narchiver = on\nbackup_method = bogus\n");
        Assert.Equal("postgres", config.Servers["a"].BackupMethod);
        Assert.Single(config.Warnings.ToArray());
    }

    [Fact]
    public void Quotes_around_a_whole_value_are_removed_and_none_means_unset()
    {
        var config = Build("[barman]\ncompression = gzip\n[a]\ndescription = \"Main Production Server\"\nssh_command = 'ssh x'\nconninfo = h\narchiver = on\n"
            + "compression = None\npath_prefix = \"half quoted\" tail\n");
        var server = config.Servers["a"];
        Assert.Equal("Main Production Server", server.Description);
        Assert.Equal("ssh x", server.Get("ssh_command"));
        Assert.Null(server.Compression);
        Assert.Equal("\"half quoted\" tail", server.PathPrefix);
    }

    [Fact]
    public void Enumerated_values_are_lower_cased_and_other_values_keep_their_case()
    {
        var server = Build("[barman]\n[a]\nconninfo = h\narchiver = on\nbackup_method = POSTGRES\ncreate_slot = AUTO\nstreaming_archiver_name = MixedCase\n").Servers["a"];
        Assert.Equal(("postgres", "auto", "MixedCase"), (server.BackupMethod, server.CreateSlot, server.StreamingArchiverName));
    }

    [Fact]
    public void Default_section_values_apply_to_every_section()
    {
        var config = Build("[DEFAULT]\narchiver = on\n[barman]\n[a]\nconninfo = h\n");
        Assert.Equal(["a"], config.Servers.Keys);
        Assert.True(config.Servers["a"].Archiver);
        Assert.Empty(config.Warnings);
    }

    [Fact]
    public void Included_files_are_read_in_name_order_and_merge_with_the_main_file()
    {
        // Arrange
        var d = Path.Combine(_dir, "barman.d");
        var main = Write("barman.conf", $"[barman]\nbarman_home = /h\nconfiguration_files_directory = {d}\n[pg-a]\ndescription = main\nconninfo = h\narchiver = on\n");
        Write("barman.d/c.conf", "[pg-c]\ndescription = from c\nconninfo = h\narchiver = on\n[pg-a]\ndescription = overridden by c\n");
        Write("barman.d/b.conf", "[pg-c]\ndescription = from b\nslot_name = bslot\n");
        Write("barman.d/x.txt", "[pg-x]\nconninfo = h\n");

        // Act
        var config = ConfigLoader.Load(main);

        // Assert
        Assert.Equal(["pg-a", "pg-c"], config.Servers.Keys);
        Assert.Equal("overridden by c", config.Servers["pg-a"].Description);
        Assert.Equal(("from c", "bslot"), (config.Servers["pg-c"].Description, config.Servers["pg-c"].SlotName));
        Assert.Equal(Path.Combine(d, "c.conf"), config.Servers["pg-c"].ConfigFile);
    }

    [Fact]
    public void An_included_file_may_not_change_the_barman_section()
    {
        var d = Path.Combine(_dir, "barman.d");
        var main = Write("barman.conf", $"[barman]\nbarman_home = /h\nconfiguration_files_directory = {d}\n");
        Write("barman.d/a.conf", "[barman]\nbarman_home = /h\n[pg]\nconninfo = h\narchiver = on\n");
        Assert.Equal(["pg"], ConfigLoader.Load(main).Servers.Keys);

        Write("barman.d/b.conf", "[barman]\nbarman_home = /other\n");
        var e = Assert.Throws<FatalConfigurationException>(() => ConfigLoader.Load(main));
        Assert.Equal("the configuration file b.conf contains a not empty [barman] section", e.Message);
    }

    [Fact]
    public void A_missing_include_directory_is_only_logged()
    {
        var main = Write("barman.conf", "[barman]\nbarman_home = /h\nconfiguration_files_directory = /no/such/dir\n");
        var config = ConfigLoader.Load(main);
        Assert.Empty(config.Warnings);
        Assert.Equal(["Ignoring the \"configuration_files_directory\" option as \"/no/such/dir\" is not a directory"], config.LogWarnings.ToArray());
    }

    [Fact]
    public void A_file_without_a_barman_section_is_an_error()
    {
        var main = Write("barman.conf", "[pg]\nconninfo = h\n");
        var e = Assert.Throws<ConfigurationException>(() => ConfigLoader.Load(main));
        Assert.Equal("No section: 'barman'", e.Message);
    }

    [Fact]
    public void Barman_home_is_required_but_may_be_empty()
    {
        var e = Assert.Throws<PlainMessageException>(() => ConfigLoader.Load(Write("barman.conf", "[barman]\nbarman_user = root\n")));
        Assert.Equal("ERROR: Parameter \"barman_home\" is required in [barman] section.\nYour configuration is missing required parameters. Exiting.", e.Message);
        Assert.Empty(ConfigLoader.Load(Write("other.conf", "[barman]\nbarman_home =\n")).Servers);
    }

    [Fact]
    public void An_unknown_log_level_is_logged_and_the_default_used()
    {
        var config = Build("[barman]\nlog_level = bogus\n");
        Assert.Equal("INFO", config.LogLevel);
        Assert.Equal(["unknown log_level in config file: bogus"], config.LogWarnings.ToArray());
    }

    [Fact]
    public void Global_defaults_are_barmans()
    {
        var config = Build("[barman]\n");
        Assert.Equal(("/var/lib/barman", "barman", "/var/log/barman/barman.log", "INFO"), (config.BarmanHome, config.BarmanUser, config.LogFile, config.LogLevel));
        Assert.Empty(config.Servers);
    }
}
