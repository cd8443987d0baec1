// Usage errors (exit 2) compared byte for byte with the real barman's (transcripts 49 and 60).
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class UsageErrorGoldenTests : IDisposable
{
    private readonly ReferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var golden in new[] { "49-usage-errors.txt", "60-backup-name-usage-errors.txt" })
        {
            foreach (var block in GoldenFiles.Blocks(golden))
            {
                data.Add(golden, block.Command);
            }
        }
        return data;
    }

    [Fact]
    public void The_golden_files_hold_every_usage_error_of_the_reference()
    {
        Assert.Equal(8, GoldenFiles.Blocks("49-usage-errors.txt").Count);
        Assert.Equal(3, GoldenFiles.Blocks("60-backup-name-usage-errors.txt").Count);
        Assert.All(GoldenFiles.Blocks("49-usage-errors.txt"), b => Assert.Equal(2, b.ExitCode));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Usage_errors_match_the_reference(string golden, string command)
    {
        // Arrange
        var expected = GoldenFiles.Blocks(golden).First(b => b.Command == command);

        // Act
        var result = CliRunner.Ours(_rig.Localise(expected.Args));

        // Assert
        Assert.Equal(expected.Stderr, result.Stderr);
        Assert.Equal(expected.Stdout, result.Stdout);
        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("list-backup --bogus pg-main", "unrecognized arguments: --bogus")]
    [InlineData("list-servers -q", "unrecognized arguments: -q")]
    [InlineData("backup pg-main --wait pg-alt", "unrecognized arguments: pg-alt")]
    [InlineData("show-backup pg-main latest extra", "unrecognized arguments: extra")]
    [InlineData("list-servers --co", "ambiguous option: --co could match --config, --color, --colour")]
    public void Leftover_arguments_are_reported_by_the_root_parser(string line, string message)
    {
        var result = CliRunner.Ours(["-c", _rig.ConfigFile, .. line.Split(' ')]);
        Assert.StartsWith("usage: barman [-h] [-v] [-c CONFIG]", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\nbarman: error: " + message + "\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal((string.Empty, 2), (result.Stdout, result.ExitCode));
    }

    [Theory]
    [InlineData("keep pg-main latest --target x", "keep", "argument --target: invalid choice: 'x' (choose from 'full', 'standalone')")]
    [InlineData("list-files pg-main latest --target", "list-files", "argument --target: expected one argument")]
    [InlineData("backup --retry-times abc pg-main", "backup", "argument --retry-times: 'abc' is not a valid non negative integer")]
    [InlineData("backup -j0 pg-main", "backup", "argument --jobs/-j: '0' is not a valid positive integer")]
    [InlineData("backup --re pg-main", "backup", "ambiguous option: --re could match --reuse-backup, --retry-times, --retry-sleep")]
    [InlineData("backup --reuse-backup pg-main", "backup", "argument --reuse-backup: invalid choice: 'pg-main' (choose from 'copy', 'link', 'off')")]
    [InlineData("list-servers --minimal=1", "list-servers", "argument --minimal: ignored explicit argument '1'")]
    [InlineData("recover pg-main latest /tmp/x --target-action bogus", "recover", "argument --target-action: 'bogus' is not a valid recovery target action")]
    [InlineData("recover pg-main latest /tmp/x --target-tli 0", "recover", "argument --target-tli: '0' is not a valid positive integer")]
    [InlineData("get-wal pg-main -p x w", "get-wal", "argument --peek/-p: 'x' is not a valid input")]
    [InlineData("sync-info", "sync-info", "the following arguments are required: server_name")]
    public void Verb_errors_name_the_verb_and_the_argument(string line, string verb, string message)
    {
        var result = CliRunner.Ours(["-c", _rig.ConfigFile, .. line.Split(' ')]);
        var prog = "barman " + (verb == "list-servers" ? "list-servers" : verb);
        Assert.StartsWith("usage: " + prog + " [-h]", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\n" + prog + ": error: " + message + "\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, result.ExitCode);
    }
}
