// Builds the .deb once (or takes BARMAN_DEB) and runs deb-lifecycle.sh in an isolated root; the tests read its facts.
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Packaging;

/// <summary>
/// One install → remove → purge run of barman-dotnet in <c>packaging/isolated-root.sh</c> (an overlay of / in a private
/// mount namespace): the real barman installed on this machine is purged there first, since the package conflicts with it.
/// </summary>
public sealed class DebLifecycleRun : IDisposable
{
    private readonly string? _scratch;

    public DebLifecycleRun()
    {
        if (!TestProcess.IsRoot)
        {
            throw new InvalidOperationException("the .deb lifecycle test installs packages in a namespace: run it as root (CI does)");
        }
        var root = RepoRoot();
        var deb = Environment.GetEnvironmentVariable("BARMAN_DEB");
        if (string.IsNullOrEmpty(deb))
        {
            // One NativeAOT publish, into a scratch directory so artifacts/ is left alone.
            _scratch = Directory.CreateTempSubdirectory("barman-deb-").FullName;
            TestProcess.Run(Path.Combine(root, "packaging", "build-deb.sh"), [], env: new Dictionary<string, string> { ["OUT"] = _scratch },
                timeout: TimeSpan.FromMinutes(15));
            deb = Directory.GetFiles(_scratch, "*.deb").Single();
        }
        var script = Path.Combine(root, "tests", "Barman.IntegrationTests", "Packaging", "deb-lifecycle.sh");
        var (exit, stdout, stderr) = TestProcess.Run(Path.Combine(root, "packaging", "isolated-root.sh"),
            ["--copy", deb, "--copy", script, "--setup", "dpkg --purge barman >/dev/null 2>&1; ! getent passwd barman", "--footprint", "--",
             "/bin/sh", "/isolated/deb-lifecycle.sh", "/isolated/" + Path.GetFileName(deb)],
            timeout: TimeSpan.FromMinutes(5), check: false);
        Output = stdout + stderr;
        Assert.True(exit == 0, $"isolated-root.sh exited {exit}:\n{Output}");
        foreach (var line in stdout.Split('\n'))
        {
            var parts = line.Split('\t', 3);
            switch (parts)
            {
                case ["fact", var key, var value]:
                    Facts[key] = value;
                    break;
                case ["footprint", var kind, var path]:
                    Footprint.Add((kind, path));
                    break;
            }
        }
    }

    /// <summary>KEY → VALUE from the script's "fact" lines.</summary>
    public Dictionary<string, string> Facts { get; } = [];

    /// <summary>What install+remove+purge changed in the root (the setup step excluded).</summary>
    public List<(string Kind, string Path)> Footprint { get; } = [];

    /// <summary>Everything the run printed, for failure messages.</summary>
    public string Output { get; }

    public string Fact(string key) =>
        Facts.TryGetValue(key, out var value) ? value : throw new Xunit.Sdk.XunitException($"no fact {key} in:\n{Output}");

    public void Dispose()
    {
        if (_scratch is not null)
        {
            Directory.Delete(_scratch, recursive: true);
        }
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
