// list-servers in its three forms (console, --minimal, json) on the reference rig's configuration (transcript 04).
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class ListServersGoldenTests : IDisposable
{
    private readonly ReferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var block in GoldenFiles.Blocks("04-list-servers.txt"))
        {
            data.Add(block.Command);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void List_servers_matches_the_reference(string command)
    {
        var expected = GoldenFiles.Blocks("04-list-servers.txt").Single(b => b.Command == command);

        var result = CliRunner.Ours(_rig.Localise(expected.Args));

        Assert.Equal(expected.Stdout, result.Stdout);
        Assert.Equal(expected.Stderr, result.Stderr);
        Assert.Equal(expected.ExitCode, result.ExitCode);
    }

    [OracleTheory]
    [MemberData(nameof(Cases))]
    public void List_servers_prints_the_same_bytes_as_the_installed_barman(string command)
    {
        var args = _rig.Localise(GoldenFiles.Blocks("04-list-servers.txt").Single(b => b.Command == command).Args);
        Assert.Equal(CliRunner.Real(args), CliRunner.Ours(args));
    }
}
