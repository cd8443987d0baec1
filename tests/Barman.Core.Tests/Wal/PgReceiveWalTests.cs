// pg_receivewal's argv and the replication conninfo, as transcript 06's process list shows them.
using Barman.Core.Postgres;
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class PgReceiveWalTests
{
    [Fact]
    public void The_argv_is_the_one_barman_runs()
    {
        // Arrange
        using var home = new TempBarman();

        // Act
        var spec = PgReceiveWal.BuildSpec("/usr/lib/postgresql/15/bin/pg_receivewal", home.Server);

        // Assert
        Assert.Equal(
            "--dbname=dbname=replication host=127.0.0.1 options=-cdatestyle=iso port=1 replication=true user=streaming_barman application_name=barman_receive_wal",
            spec.Args[0]);
        Assert.Equal("--directory=" + home.Server.StreamingWalsDirectory, spec.Args[4]);
        Assert.Equal("--slot=barman", spec.Args[5]);
        Assert.Equal(
            [
                "--dbname=dbname=replication host=127.0.0.1 options=-cdatestyle=iso port=1 replication=true user=streaming_barman application_name=barman_receive_wal",
                "--verbose", "--no-loop", "--no-password", "--directory=" + home.Server.StreamingWalsDirectory, "--slot=barman",
            ],
            spec.Args.ToArray());
    }

    [Fact]
    public void Conninfo_values_with_spaces_and_quotes_survive_parsing_and_quoting()
    {
        var parsed = Conninfo.Parse("host=db port=5432 password='a b\\'c' user=x");

        Assert.Equal("a b'c", parsed.Get("password"));
        Assert.Equal("dbname=replication host=db options=-cdatestyle=iso password='a b\\'c' port=5432 replication=true user=x application_name=n",
            parsed.ForReplication("n"));
        Assert.Contains("Host=db", ConnectionSettings.ToNpgsql(Conninfo.Parse("host=db port=5432 user=x dbname=postgres"), _ => null, "x", "barman").ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void A_uri_conninfo_becomes_the_same_sorted_key_value_replication_string()
    {
        // Act
        var dbname = Conninfo.Parse("postgresql://streaming_barman@pg.example:5433/postgres?application_name=ignored").ForReplication("barman_receive_wal");

        // Assert
        Assert.Equal("dbname=replication host=pg.example options=-cdatestyle=iso port=5433 replication=true user=streaming_barman application_name=barman_receive_wal", dbname);
    }
}
