// The load-time errors that disable a server (or refuse the configuration), in barman 3.4's wording and order.
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Configuration;

public sealed class ServerValidationTests
{
    private static GlobalConfig Build(string servers) => ConfigLoader.Build("/x.conf",
        [IniDocument.Parse("/x.conf", "[barman]\nbarman_home = /nonexistent/home\n" + servers)]);

    private const string Postgres = "conninfo = host=db\nbackup_method = postgres\nstreaming_archiver = on\nslot_name = barman\n";

    [Fact]
    public void Every_problem_is_listed_in_barman_order_and_disables_the_server()
    {
        // Act
        var server = Build("[pg]\n" + Postgres.Replace("conninfo = host=db\n", string.Empty, StringComparison.Ordinal)
            + "wals_directory = /nonexistent/home/pg/base\nreuse_backup = copy\nnetwork_compression = on\ntablespace_bandwidth_limit = t:1\n").Servers["pg"];

        // Assert
        Assert.True(server.Disabled);
        Assert.Equal(
        [
            "Conflicting path: wals_directory=/nonexistent/home/pg/base conflicts with 'basebackups_directory' for server 'pg'",
            "PostgreSQL connection: Missing 'conninfo' parameter for server 'pg'",
            "Streaming connection: Missing 'streaming_conninfo' parameter for server 'pg'",
            "tablespace_bandwidth_limit option is not supported by postgres backup_method",
            "reuse_backup option is not supported by postgres backup_method",
            "network_compression option is not supported by postgres backup_method",
        ], server.Messages.ToArray());
    }

    [Fact]
    public void A_path_written_differently_is_shown_with_its_real_path()
    {
        // Act
        var server = Build("[pg]\n" + Postgres + "wals_directory = /nonexistent/x/../home/pg/base/\n").Servers["pg"];

        // Assert
        Assert.Equal(["Conflicting path: wals_directory=/nonexistent/x/../home/pg/base/ (symlink to: /nonexistent/home/pg/base) conflicts with 'basebackups_directory' for server 'pg'"],
            server.Messages.ToArray());
    }

    [Fact]
    public void Rsync_needs_ssh_and_refuses_backup_compression_and_streaming_only_needs_a_slot()
    {
        // Act
        var config = Build("[a]\nconninfo = host=h\nbackup_method = rsync\n\n[b]\nconninfo = host=h\nbackup_method = rsync\nssh_command = ssh pg\nbackup_compression = gzip\n"
            + "\n[c]\nconninfo = host=h\nbackup_method = postgres\nstreaming_archiver = on\n\n[d]\nconninfo = host=h\nbackup_method = postgres\nreuse_backup = off\nnetwork_compression = off\narchiver = on\n");

        // Assert
        Assert.Equal(["Missing or invalid ssh_command in barman configuration for server a"], config.Servers["a"].Messages.ToArray());
        Assert.Equal(["backup_compression option is not supported by rsync backup_method"], config.Servers["b"].Messages.ToArray());
        Assert.Equal(["Streaming-only archiver requires 'streaming_conninfo' and 'slot_name' options to be properly configured"], config.Servers["c"].Messages.ToArray());
        Assert.False(config.Servers["d"].Disabled);
        Assert.Contains("No backup strategy set for server 'b' (using default 'concurrent_backup').", config.Warnings);
    }

    [Theory]
    [InlineData("x", true)]
    [InlineData("host=a port", true)]
    [InlineData("postgresql://u%zz@h/db", true)]
    [InlineData("postgresql://u:secret@h/d%zzb", true)]
    [InlineData("host=a password=secret x", true)]
    [InlineData("host=a bogus_key=1", false)]
    [InlineData("host='unterminated", false)]
    [InlineData("postgresql://u%20x@h/db", false)]
    public void A_connection_string_libpq_cannot_split_disables_the_server(string conninfo, bool disabled)
    {
        // Act
        var server = Build("[pg]\nconninfo = " + conninfo.Replace("%", "%%", StringComparison.Ordinal) + "\nbackup_method = postgres\nstreaming_archiver = on\nslot_name = barman\n").Servers["pg"];

        // Assert: both connections use it (streaming_conninfo defaults to conninfo); a password is masked as barman does
        var shown = conninfo.Replace("secret", "*REDACTED*", StringComparison.Ordinal);
        Assert.Equal(disabled
            ? [$"PostgreSQL connection: Cannot connect to postgres: \"{shown}\" is not a valid connection string",
                $"Streaming connection: Cannot connect to postgres: \"{shown}\" is not a valid connection string"]
            : [], server.Messages.ToArray());
    }

    [Fact]
    public void A_password_written_with_spaces_is_masked_too()
    {
        // Act
        var server = Build("[pg]\nconninfo = x password = secret\nbackup_method = postgres\nstreaming_archiver = on\nslot_name = barman\n").Servers["pg"];

        // Assert
        Assert.Equal("PostgreSQL connection: Cannot connect to postgres: \"x password=*REDACTED*\" is not a valid connection string", server.Messages[0]);
    }

    [Fact]
    public void A_directory_of_two_servers_refuses_the_configuration()
    {
        // Act
        var error = Assert.Throws<ConfigurationException>(() => Build("[pg-a]\n" + Postgres + "\n[pg-b]\n" + Postgres + "wals_directory = /nonexistent/home/pg-a/wals\n"));

        // Assert
        Assert.Equal("Conflicting path: wals_directory=/nonexistent/home/pg-a/wals for server 'pg-b' conflicts with 'wals_directory' for server 'pg-a'", error.Message);
    }
}
