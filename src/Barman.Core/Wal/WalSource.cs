// The two places WAL arrives: streaming/ (pg_receivewal) and incoming/ (archive_command), and what each holds now.
using System.Collections.Immutable;
using Barman.Core.Configuration;

namespace Barman.Core.Wal;

/// <summary>A WAL drop directory with barman's name for it ("streaming", "file archival").</summary>
public sealed record WalSource(string Name, string Directory, bool IsStreaming, int BatchSize)
{
    public static WalSource Streaming(ServerConfig s) =>
        new("streaming", s.StreamingWalsDirectory, true, IntOption(s, "streaming_archiver_batch_size"));

    public static WalSource Incoming(ServerConfig s) =>
        new("file archival", s.IncomingWalsDirectory, false, IntOption(s, "archiver_batch_size"));

    /// <summary>The enabled sources of a server, streaming first as barman processes them.</summary>
    public static IReadOnlyList<WalSource> For(ServerConfig s)
    {
        var list = new List<WalSource>();
        if (s.StreamingArchiver)
        {
            list.Add(Streaming(s));
        }
        if (s.Archiver)
        {
            list.Add(Incoming(s));
        }
        return list;
    }

    /// <summary>Lists the directory: WAL files to archive (sorted), names that are not WAL, files to leave alone.</summary>
    public WalBatch Scan()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return new WalBatch([], [], 0);
        }
        var files = ImmutableArray.CreateBuilder<WalSegmentName>();
        var unknown = ImmutableArray.CreateBuilder<string>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory))
        {
            var name = Path.GetFileName(path);
            if (!WalSegmentName.TryParse(name, out var wal))
            {
                // pg_receivewal writes history files as <name>.tmp and renames them: not ours to touch yet.
                if (!(IsStreaming && name.EndsWith(".tmp", StringComparison.Ordinal)) && !name.StartsWith('.'))
                {
                    unknown.Add(name);
                }
                continue;
            }
            // The segment pg_receivewal is still writing (or one archive_command half-delivered): never archived.
            if (wal.Kind != WalFileKind.Partial)
            {
                files.Add(wal);
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        unknown.Sort(StringComparer.Ordinal);
        var total = files.Count;
        var batch = BatchSize > 0 && files.Count > BatchSize ? files.ToImmutable()[..BatchSize] : files.ToImmutable();
        return new WalBatch(batch, unknown.ToImmutable(), total);
    }

    private static int IntOption(ServerConfig s, string key) =>
        int.TryParse(s.Get(key), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}

/// <summary>One scan of a source: the files of this run, the unknown names, and how many WAL files were found in all.</summary>
public sealed record WalBatch(ImmutableArray<WalSegmentName> Files, ImmutableArray<string> Unknown, int Found);
