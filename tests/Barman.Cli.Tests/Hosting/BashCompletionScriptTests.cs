// packaging/completion/barman.bash, run by bash against the built barman: what bash offers for a partial word.
using System.Diagnostics;

namespace Barman.Cli.Tests.Hosting;

public sealed class BashCompletionScriptTests
{
    [Theory]
    [InlineData("barman li", "list-backup list-backups list-files list-server list-servers")]
    [InlineData("barman list-servers --m", "--minimal")]
    // The program typed as a path: the script still says "barman" to the directive.
    [InlineData("./barman sw", "switch-wal switch-xlog")]
    public void Bash_completes_a_partial_word_through_the_suggest_directive(string line, string expected)
    {
        // Arrange: the apphost `barman` sits next to the test assembly (the project references Barman.Cli).
        var binDir = AppContext.BaseDirectory;
        var script = Path.Combine(RepoRoot(), "packaging", "completion", "barman.bash");
        var words = line.Split(' ');
        var program = words[0] == "./barman" ? Path.Combine(binDir, "barman") : "barman";
        var bash = $". '{script}'\nCOMP_LINE=\"{line.Replace(words[0], program, StringComparison.Ordinal)}\"; COMP_POINT=${{#COMP_LINE}}\n"
            + $"COMP_WORDS=({program} {string.Join(' ', words.Skip(1))}); COMP_CWORD={words.Length - 1}\n_barman; echo \"${{COMPREPLY[*]}}\"";
        var psi = new ProcessStartInfo("bash", ["-c", bash]) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["PATH"] = binDir + ":" + Environment.GetEnvironmentVariable("PATH");

        // Act
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        // Assert
        Assert.Equal("", stderr);
        Assert.Equal(expected + "\n", stdout);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Barman.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Barman.sln not found above the test directory");
        }
        return dir;
    }
}
