// --help, -v and bare `barman` compared byte for byte with the real barman's (transcripts 00-*).
using System.Text.RegularExpressions;
using Barman.Cli.Hosting;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed partial class HelpGoldenTests
{
    private const string RealVersionLine = "3.4.0 Barman by EnterpriseDB (www.enterprisedb.com)";

    public static TheoryData<string> RootCases() => Cases("00-version-help.txt");

    public static TheoryData<string> VerbCases() => Cases("00-subcommand-help.txt");

    [Theory]
    [MemberData(nameof(RootCases))]
    public void Root_help_version_and_bare_barman_match_the_reference(string command)
    {
        // Arrange: our version line is ours on purpose; everything else is barman's.
        var expected = GoldenFiles.Blocks("00-version-help.txt").Single(b => b.Command == command);

        // Act
        var result = CliRunner.Ours(expected.Args);

        // Assert
        Assert.Equal(expected.Stdout.Replace(RealVersionLine, BarmanVersion.Line, StringComparison.Ordinal), result.Stdout);
        Assert.Equal(expected.Stderr, result.Stderr);
        Assert.Equal(expected.ExitCode, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(VerbCases))]
    public void Verb_help_matches_the_reference_plus_our_exit_code_line(string command)
    {
        var expected = GoldenFiles.Blocks("00-subcommand-help.txt").Single(b => b.Command == command);

        var result = CliRunner.Ours(expected.Args);

        Assert.Equal(expected.Stdout, OurEpilog().Replace(result.Stdout, "\n"));
        Assert.Matches(OurEpilog(), result.Stdout);
        Assert.Equal((expected.Stderr, expected.ExitCode), (result.Stderr, result.ExitCode));
    }

    [Fact]
    public void Every_verb_and_alias_has_help_and_help_VERB_prints_it()
    {
        foreach (var verb in new[] { "list-backup", "list-backups", "show-server", "switch-xlog", "verify", "help" })
        {
            var viaOption = CliRunner.Ours(verb, "--help");
            var viaHelp = CliRunner.Ours("help", verb);
            Assert.Equal(0, viaOption.ExitCode);
            Assert.StartsWith("usage: barman ", viaOption.Stdout, StringComparison.Ordinal);
            Assert.Equal(viaOption, viaHelp);
        }
        Assert.Equal(CliRunner.Ours("--help"), CliRunner.Ours("help"));
    }

    [Fact]
    public void Help_of_an_alias_names_the_verb_as_barman_does()
    {
        Assert.StartsWith("usage: barman list-backups [-h]", CliRunner.Ours("list-backup", "-h").Stdout, StringComparison.Ordinal);
        Assert.StartsWith("usage: barman show-backup [-h]", CliRunner.Ours("show-backups", "-h").Stdout, StringComparison.Ordinal);
    }

    private static TheoryData<string> Cases(string golden)
    {
        var data = new TheoryData<string>();
        foreach (var block in GoldenFiles.Blocks(golden))
        {
            data.Add(block.Command);
        }
        return data;
    }

    // Our addition at the end of each verb's help: "Exit codes: ..." (and check's "Extension: ...").
    [GeneratedRegex(@"\n\n(?:Extension|Exit codes):[\s\S]*\z")]
    private static partial Regex OurEpilog();
}
