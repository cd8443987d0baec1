// Finds the golden files cut from the reference transcripts (tests/Barman.Cli.Tests/Checks/Golden), from any test project.
namespace Barman.Cli.Tests.Checks;

/// <summary>Reads expected output captured from the real barman 3.4 (see the transcript named in each test).</summary>
internal static class CheckGolden
{
    public static string Read(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Barman.Cli.Tests", "Checks", "Golden", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }
        throw new FileNotFoundException($"golden file {name} not found above {AppContext.BaseDirectory}");
    }
}
