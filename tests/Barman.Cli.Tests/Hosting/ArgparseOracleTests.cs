// Command lines run through the installed barman and ours: usage errors and help must be the same bytes, and what
// barman's parser accepts ours must accept too (the verbs' own behaviour is tested elsewhere).
using System.Text.RegularExpressions;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed partial class ArgparseOracleTests : IDisposable
{
    private readonly ReferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [OracleTheory]
    [InlineData("list-servers --co")]
    [InlineData("--co list-servers")]
    [InlineData("--conf CONF list-servers")]
    [InlineData("--format=json list-servers")]
    [InlineData("-fjson list-servers")]
    [InlineData("-qd list-servers")]
    [InlineData("-qx list-servers")]
    [InlineData("-q=1 list-servers")]
    [InlineData("--quiet=1 list-servers")]
    [InlineData("list-servers --min")]
    [InlineData("list-servers -- x")]
    [InlineData("backup pg-main --wait pg-alt")]
    [InlineData("backup --reuse-backup=copy")]
    [InlineData("backup --jobs=x pg-main")]
    [InlineData("backup --name")]
    [InlineData("sync-info pg-main --primary w")]
    [InlineData("sync-info pg-main w 0")]
    [InlineData("recover pg-main latest /tmp/x --tablespace a:b --tablespace")]
    [InlineData("recover -h")]
    [InlineData("list-backup -h")]
    [InlineData("list-backups --help pg-main")]
    [InlineData("backup --retry-times abc -h")]
    [InlineData("get-wal pg-main --peek=-1 x")]
    [InlineData("get-wal pg-main -Pq x")]
    [InlineData("switch-wal pg-main --archive-timeout=-1")]
    [InlineData("replication-status --target x pg-main")]
    [InlineData("keep pg-main latest -r")]
    [InlineData("--log-level")]
    [InlineData("-c")]
    [InlineData("Help")]
    [InlineData("list-servers -h bogus")]
    [InlineData("status")]
    [InlineData("show-backup pg-main -x")]
    [InlineData("show-backup pg-main --x=3")]
    [InlineData("list-servers ---x")]
    [InlineData("cron --keep")]
    [InlineData("backup --no pg-main")]
    [InlineData("recover pg-main latest /x --target-time")]
    [InlineData("get-wal pg-main x -o")]
    [InlineData("list-backup -5")]
    [InlineData("list-servers")]
    [InlineData("--color never --colour always list-servers")]
    [InlineData("-c CONF")]
    public void Parsing_matches_the_installed_barman(string line)
    {
        // Arrange
        string[] args = ["-c", _rig.ConfigFile, .. line.Split(' ').Select(a => a == "CONF" ? _rig.ConfigFile : a)];

        // Act
        var real = CliRunner.Real(args)!;
        var ours = CliRunner.Ours(args);

        // Assert
        if (real.ExitCode == 2 || real.Stdout.StartsWith("usage:", StringComparison.Ordinal))
        {
            Assert.Equal(real, ours with { Stdout = OurEpilog().Replace(ours.Stdout, "\n") });
        }
        else
        {
            Assert.NotEqual(2, ours.ExitCode);
            Assert.DoesNotContain("usage:", ours.Stderr + ours.Stdout, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\n\n(?:Extension|Exit codes):[\s\S]*\z")]
    private static partial Regex OurEpilog();
}
