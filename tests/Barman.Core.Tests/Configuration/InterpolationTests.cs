// %(key)s in configuration values: configparser's rules for what users write, barman's for its own defaults.
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Configuration;

public sealed class InterpolationTests
{
    private static GlobalConfig Build(string text) => ConfigLoader.Build("/x.conf", [IniDocument.Parse("/x.conf", text)]);

    private const string Pg = "[pg]\nconninfo = h\narchiver = on\n";

    [Fact]
    public void A_reference_to_a_key_of_the_same_section_is_replaced_and_percent_percent_is_a_percent()
    {
        var server = Build("[barman]\n" + Pg + "slot_name = sx\ndescription = 50%% done on %(slot_name)s\n").Servers["pg"];
        Assert.Equal("50% done on sx", server.Description);
    }

    [Fact]
    public void References_may_chain_and_may_use_DEFAULT_keys()
    {
        var server = Build("[DEFAULT]\nroot = /data\n[barman]\n" + Pg + "backup_directory = %(base)s/pg\nbase = %(root)s/backups\n").Servers["pg"];
        Assert.Equal("/data/backups/pg", server.BackupDirectory);
    }

    [Fact]
    public void An_escaped_reference_stays_literal()
    {
        var server = Build("[barman]\n" + Pg + "description = %%(name)s\n").Servers["pg"];
        Assert.Equal("%(name)s", server.Description);
    }

    [Fact]
    public void The_server_name_and_barman_options_are_not_visible_to_user_values()
    {
        var e = Assert.Throws<ConfigurationException>(() => Build("[barman]\nbarman_home = /h\n" + Pg + "description = %(name)s and %(barman_home)s\n"));
        Assert.Equal("Bad value substitution: option 'description' in section 'pg' contains an interpolation key 'name' which is not a valid option name. Raw value: '%(name)s and %(barman_home)s'", e.Message);
    }

    [Fact]
    public void A_lone_percent_sign_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => Build("[barman]\n" + Pg + "description = 100% sure\n"));
        Assert.Equal("'%' must be followed by '%' or '(', found: '% sure'", e.Message);
    }

    [Fact]
    public void A_reference_loop_stops_at_the_recursion_limit()
    {
        var e = Assert.Throws<ConfigurationException>(() => Build("[barman]\n" + Pg + "a = %(b)s\nb = %(a)s\n"));
        Assert.StartsWith("Recursion limit exceeded in value substitution: option 'a' in section 'pg'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_formatted_with_the_servers_values_and_an_unset_reference_leaves_the_option_unset()
    {
        var config = Build("[barman]\nbarman_home = /srv/home\n[pg]\narchiver = on\n[pg2]\narchiver = on\nconninfo = host=x\n");
        Assert.Null(config.Servers["pg"].StreamingConninfo);
        Assert.Equal("host=x", config.Servers["pg2"].StreamingConninfo);
        Assert.Equal("/srv/home/pg2", config.Servers["pg2"].BackupDirectory);
    }
}
