// Checks an archive against the reference copies archive_command kept: every segment present once, same bytes.
using Barman.Core.Catalog;
using Barman.Core.Compression;
using Barman.Core.Wal;

namespace Barman.IntegrationTests.Wal;

internal static class WalArchiveAssertions
{
    /// <summary>Every file in ref/ is in wals/, decompresses to the same bytes, and has exactly one xlog.db line.</summary>
    public static void AssertArchiveHoldsEveryReferenceFile(WalArchiveRig cluster, IEnumerable<string>? onlyThese = null)
    {
        var entries = XlogDb.ReadAll(Path.Combine(cluster.Wals, XlogDb.FileName));
        var counts = entries.GroupBy(e => e.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var expected = (onlyThese ?? Directory.GetFiles(cluster.RefDir).Select(Path.GetFileName))!.ToList();
        Assert.NotEmpty(expected);
        foreach (var name in expected)
        {
            Assert.True(counts.TryGetValue(name!, out var n) && n == 1, $"{name} listed {counts.GetValueOrDefault(name!)} times in xlog.db");
            var archived = WalArchiveStep.DestinationFor(cluster.Wals, WalSegmentName.Parse(name!));
            Assert.True(File.Exists(archived), $"{archived} missing");
            Assert.True(WalContent.SameContent(archived, Path.Combine(cluster.RefDir, name!)), $"{name} differs from what PostgreSQL produced");
            var entry = entries.Single(e => e.Name == name);
            Assert.Equal(new FileInfo(archived).Length, entry.Size);
            Assert.Equal(WalCodecs.Identify(archived).Name, entry.Compression);
        }
        Assert.Equal(counts.Count, entries.Count);
    }

    public static string[] FilesIn(string dir) => Directory.Exists(dir) ? Directory.GetFiles(dir) : [];

    public static string[] TempFilesIn(string wals) =>
        Directory.Exists(wals) ? Directory.GetFiles(wals, "*.tmp", SearchOption.AllDirectories) : [];
}
