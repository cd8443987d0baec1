// TreeMirror on a real temporary tree: contents, modes, nanosecond mtimes, links, pruning and the safe horizon.
using Barman.Core.Recovery;

namespace Barman.Core.Tests.Recovery;

public sealed class TreeMirrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("treemirror-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Src => Path.Combine(_root, "src");

    private string Dst => Path.Combine(_root, "dst");

    private void MakeSource()
    {
        Directory.CreateDirectory(Path.Combine(Src, "base", "1"));
        File.WriteAllBytes(Path.Combine(Src, "base", "1", "big"), [.. Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7))]);
        File.WriteAllText(Path.Combine(Src, "PG_VERSION"), "15\n");
        File.WriteAllText(Path.Combine(Src, "empty"), string.Empty);
        File.CreateSymbolicLink(Path.Combine(Src, "link"), "/nonexistent/location");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(Src, "PG_VERSION"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.SetUnixFileMode(Path.Combine(Src, "base"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        File.SetLastWriteTimeUtc(Path.Combine(Src, "PG_VERSION"), new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234567));
        Directory.SetLastWriteTimeUtc(Path.Combine(Src, "base"), new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc));
    }

    [Fact]
    public async Task A_fresh_copy_has_the_same_bytes_modes_mtimes_and_links()
    {
        // Arrange
        MakeSource();

        // Act
        var stats = await TreeMirror.MirrorAsync(Src, Dst, _ => false, 2, null, CancellationToken.None);

        // Assert
        Assert.Equal(3, stats.FilesCopied);
        Assert.Equal(300_003, stats.BytesCopied);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Src, "base", "1", "big")), File.ReadAllBytes(Path.Combine(Dst, "base", "1", "big")));
        Assert.Equal("15\n", File.ReadAllText(Path.Combine(Dst, "PG_VERSION")));
        Assert.Equal(0, new FileInfo(Path.Combine(Dst, "empty")).Length);
        Assert.Equal("/nonexistent/location", new FileInfo(Path.Combine(Dst, "link")).LinkTarget);
        Assert.Equal(File.GetLastWriteTimeUtc(Path.Combine(Src, "PG_VERSION")), File.GetLastWriteTimeUtc(Path.Combine(Dst, "PG_VERSION")));
        Assert.Equal(Directory.GetLastWriteTimeUtc(Path.Combine(Src, "base")), Directory.GetLastWriteTimeUtc(Path.Combine(Dst, "base")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(Dst, "PG_VERSION")));
            Assert.Equal(File.GetUnixFileMode(Path.Combine(Src, "base")), File.GetUnixFileMode(Path.Combine(Dst, "base")));
        }
    }

    [Fact]
    public async Task Excluded_paths_are_skipped_and_extra_destination_entries_are_deleted()
    {
        // Arrange
        MakeSource();
        Directory.CreateDirectory(Path.Combine(Dst, "stale", "deep"));
        File.WriteAllText(Path.Combine(Dst, "stale", "deep", "f"), "x");
        File.WriteAllText(Path.Combine(Dst, "base"), "a file where the source has a directory");

        // Act
        await TreeMirror.MirrorAsync(Src, Dst, r => r == "empty", 1, null, CancellationToken.None);

        // Assert
        Assert.False(Directory.Exists(Path.Combine(Dst, "stale")));
        Assert.False(File.Exists(Path.Combine(Dst, "empty")));
        Assert.True(File.Exists(Path.Combine(Dst, "base", "1", "big")));
    }

    [Fact]
    public async Task Below_the_safe_horizon_an_unchanged_file_is_kept_and_a_changed_one_copied()
    {
        // Arrange
        MakeSource();
        await TreeMirror.MirrorAsync(Src, Dst, _ => false, 2, null, CancellationToken.None);
        File.WriteAllText(Path.Combine(Src, "PG_VERSION"), "16\n");
        File.SetLastWriteTimeUtc(Path.Combine(Src, "PG_VERSION"), new DateTime(2026, 2, 2, 0, 0, 0, DateTimeKind.Utc));

        // Act
        var stats = await TreeMirror.MirrorAsync(Src, Dst, _ => false, 2, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), CancellationToken.None);

        // Assert
        Assert.Equal(1, stats.FilesCopied);
        Assert.Equal(2, stats.FilesSkipped);
        Assert.Equal("16\n", File.ReadAllText(Path.Combine(Dst, "PG_VERSION")));
    }
}
