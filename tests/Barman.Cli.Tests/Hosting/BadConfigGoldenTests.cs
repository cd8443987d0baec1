// The bad configurations of transcript 50 through `list-servers`: stdout, stderr and exit code as barman prints them,
// except the INI syntax error, which we report as one ERROR line instead of a Python traceback.
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class BadConfigGoldenTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("barman-badconf-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Configs()
    {
        var data = new TheoryData<string>();
        foreach (var config in Transcript.Configs(GoldenFiles.Read("50-errors-config-list-servers.txt")))
        {
            data.Add(Path.GetFileName(config.Path));
        }
        return data;
    }

    [Fact]
    public void The_golden_file_holds_the_ten_bad_configurations()
    {
        Assert.Equal(10, Configs().Count);
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void List_servers_reports_each_bad_configuration_as_barman_does(string name)
    {
        // Arrange
        var (path, expected) = Prepare(name);

        // Act
        var result = CliRunner.Ours("-c", path, "list-servers");

        // Assert
        if (name == "syntax-error.conf")
        {
            Assert.Equal($"ERROR: Source contains parsing errors: '{path}' [line 17]: 'this line has no equals sign'\n", result.Stderr);
            Assert.Equal((string.Empty, 1), (result.Stdout, result.ExitCode));
            return;
        }
        Assert.Equal(expected.Stdout, result.Stdout);
        Assert.Equal(expected.Stderr, result.Stderr);
        Assert.Equal(expected.ExitCode, result.ExitCode);
    }

    [Fact]
    public void Every_verb_stops_on_a_syntax_error_with_one_line_and_no_stack_trace()
    {
        var (path, _) = Prepare("syntax-error.conf");
        var result = CliRunner.Ours("-c", path, "check", "pg-bad");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("ERROR: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configuration_file_is_reported_without_prefix()
    {
        var expected = GoldenFiles.Blocks("50-errors-config-list-servers.txt")[0];
        var result = CliRunner.Ours(expected.Args);
        Assert.Equal(new RunResult(expected.Stdout, expected.Stderr, expected.ExitCode), result);
    }

    [Fact]
    public void The_minimum_redundancy_warning_goes_only_to_the_log()
    {
        var (path, _) = Prepare("minred-abc.conf");
        var result = CliRunner.Ours("-c", path, "list-servers");
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("WARNING: Invalid minimum_redundancy \"abc\" for server \"pg-bad\" (fallback to \"0\")\n", File.ReadAllText(Path.Combine(_root, "badconf", "bad.log")), StringComparison.Ordinal);
    }

    /// <summary>Writes the named configuration under the temporary root; returns its path and the expected list-servers run.</summary>
    private (string Path, TranscriptBlock Expected) Prepare(string name)
    {
        var text = GoldenFiles.Read("50-errors-config-list-servers.txt");
        var config = Transcript.Configs(text).Single(c => Path.GetFileName(c.Path) == name);
        var path = Localise(config.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Localise(config.Text).Replace("barman_user = barman", "barman_user = " + Environment.UserName, StringComparison.Ordinal));
        var expected = Transcript.Blocks(text).Single(b => b.Command == $"barman -c {config.Path} list-servers");
        return (path, expected with { Stdout = Localise(expected.Stdout), Stderr = Localise(expected.Stderr) });
    }

    private string Localise(string text) => text.Replace("/srv/ref", _root, StringComparison.Ordinal);
}
