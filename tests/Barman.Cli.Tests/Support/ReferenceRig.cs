// The reference rig's configuration (layout/00-setup.txt: barman.conf + barman.d/pg-main.conf + pg-alt.conf),
// written under a temporary directory with /srv/ref replaced and barman_user set to the user running the tests.
namespace Barman.Cli.Tests.Support;

internal sealed class ReferenceRig : IDisposable
{
    public ReferenceRig()
    {
        Root = Directory.CreateTempSubdirectory("barman-rig-").FullName;
        var setup = GoldenFiles.Read("00-setup.txt");
        Directory.CreateDirectory(Path.Combine(Root, "barman.d"));
        Write("barman.conf", Section(setup, "## /srv/ref/barman.conf"));
        Write("barman.d/pg-main.conf", Section(setup, "## /srv/ref/barman.d/pg-main.conf"));
        Write("barman.d/pg-alt.conf", Section(setup, "## /srv/ref/barman.d/pg-alt.conf"));
    }

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "barman.conf");

    /// <summary>The transcript's arguments with the rig's paths (-c /srv/ref/barman.conf → ours).</summary>
    public string[] Localise(IEnumerable<string> args) => [.. args.Select(a => a.Replace("/srv/ref", Root, StringComparison.Ordinal))];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Write(string name, string text) =>
        File.WriteAllText(Path.Combine(Root, name), text
            .Replace("/srv/ref", Root, StringComparison.Ordinal)
            .Replace("barman_user = barman", "barman_user = " + Environment.UserName, StringComparison.Ordinal));

    /// <summary>The lines after a "## title" line up to the next blank line or "##" title.</summary>
    private static string Section(string setup, string title)
    {
        var lines = setup.Split('\n');
        var start = Array.IndexOf(lines, lines.First(l => l.StartsWith(title, StringComparison.Ordinal))) + 1;
        return string.Concat(lines.Skip(start).TakeWhile(l => l.Length > 0 && !l.StartsWith("##", StringComparison.Ordinal)).Select(l => l + "\n"));
    }
}
