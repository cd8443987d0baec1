// pg_receivewal's argv and the replication conninfo, as transcript 06's process list shows them.
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
        var parsed = WalConninfo.Parse("host=db port=5432 password='a b\\'c' user=x");

        Assert.Equal("a b'c", parsed["password"]);
        Assert.Equal("dbname=replication host=db options=-cdatestyle=iso password='a b\\'c' port=5432 replication=true user=x application_name=n",
            WalConninfo.ForReplication("host=db port=5432 password='a b\\'c' user=x", "n"));
        Assert.Contains("Host=db", WalConninfo.ToNpgsql("host=db port=5432 user=x dbname=postgres"), StringComparison.Ordinal);
    }
}
