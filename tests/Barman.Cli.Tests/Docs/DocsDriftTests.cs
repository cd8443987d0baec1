// Fails when docs/commands.md or docs/configuration.md no longer match the code (BARMAN_UPDATE_DOCS=1 rewrites them).
using Barman.Cli.Commands;
using Barman.Cli.Docs;
using Barman.Cli.Hosting;

namespace Barman.Cli.Tests.Docs;

public sealed class DocsDriftTests
{
    private static string RepoFile(string relative)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Barman.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Barman.sln not found above the test directory");
        }
        return Path.Combine(dir, relative);
    }

    private static void AssertMatches(string relative, string generated)
    {
        var path = RepoFile(relative);
        if (Environment.GetEnvironmentVariable("BARMAN_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, generated);
        }
        Assert.True(File.Exists(path), $"{relative} is missing: run BARMAN_UPDATE_DOCS=1 ./test.sh");
        Assert.Equal(generated, File.ReadAllText(path));
    }

    [Fact]
    public void The_command_reference_lists_every_verb_and_option_the_code_declares()
    {
        // Arrange
        var root = CommandTree.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System));

        // Act
        var generated = CommandReference.Render(root);

        // Assert
        Assert.Contains("## recover", generated, StringComparison.Ordinal);
        Assert.Contains("--target-time", generated, StringComparison.Ordinal);
        AssertMatches("docs/commands.md", generated);
    }

    [Fact]
    public void The_configuration_reference_lists_every_option_of_the_option_table()
    {
        // Act
        var generated = ConfigurationReference.Render();

        // Assert
        Assert.Contains("| `retention_policy` |", generated, StringComparison.Ordinal);
        AssertMatches("docs/configuration.md", generated);
    }
}
