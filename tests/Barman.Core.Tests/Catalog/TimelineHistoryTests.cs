// Tests src/Barman.Core/Catalog/TimelineHistory.cs: children of a timeline from archived .history files.
using System.IO.Compression;
using System.Text;
using Barman.Core.Catalog;

namespace Barman.Core.Tests.Catalog;

public sealed class TimelineHistoryTests : IDisposable
{
    private readonly string _wals = Path.Combine(Path.GetTempPath(), "barman-tli-" + Guid.NewGuid().ToString("N")[..10]);

    public TimelineHistoryTests() => Directory.CreateDirectory(_wals);

    public void Dispose() => Directory.Delete(_wals, recursive: true);

    private uint[] Children(int timeline, string? forkedAfter) => [.. TimelineHistory.ChildrenOf(_wals, timeline, forkedAfter)];

    [Fact]
    public void Children_are_every_later_timeline_whose_history_forks_from_this_one_after_the_backup()
    {
        // Arrange: 2 forks from 1; 3 forks from 2 (its history repeats the fork from 1); 5 is unreachable (no 4).
        File.WriteAllText(Path.Combine(_wals, "00000002.history"), "1\t0/5000000\tno recovery target specified\n");
        File.WriteAllText(Path.Combine(_wals, "00000003.history"), "# comment\n1\t0/5000000\tfirst\n\n2\t0/9000000\tsecond\n");
        File.WriteAllText(Path.Combine(_wals, "00000005.history"), "1\t0/5000000\tfirst\n");

        // Act + Assert
        Assert.Equal([2u, 3u], Children(1, "0/4000000"));
        Assert.Equal([2u, 3u], Children(1, "0/5000000"));
        Assert.Empty(Children(1, "0/6000000"));
        Assert.Equal([2u, 3u], Children(1, null));
        Assert.Equal([3u], Children(2, "0/8000000"));
        Assert.Empty(Children(3, null));
    }

    [Fact]
    public void A_gzip_compressed_history_file_is_read()
    {
        // Arrange
        using (var file = File.Create(Path.Combine(_wals, "00000002.history")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.ASCII.GetBytes("1\t0/5000000\tno recovery target specified\n"));
        }

        // Act + Assert
        Assert.Equal([2u], Children(1, "0/3000000"));
    }
}
