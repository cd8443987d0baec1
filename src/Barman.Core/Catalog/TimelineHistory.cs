// The timelines forked from a backup's timeline, read from the archived .history files (show-backup's "Reachable timelines").
using System.Collections.Immutable;
using System.Globalization;
using Barman.Core.Compression;
using Barman.Core.Wal;

namespace Barman.Core.Catalog;

/// <summary>
/// barman's get_children_timelines: walks <c>wals/&lt;tli+1&gt;.history</c>, <c>&lt;tli+2&gt;.history</c>... until one is
/// missing, and keeps every timeline whose history names <c>tli</c> as a parent with a switch point at or after
/// <c>forkedAfter</c> (the backup's end LSN).
/// </summary>
public static class TimelineHistory
{
    /// <summary>Child timelines in ascending order; empty when there are none.</summary>
    public static ImmutableArray<uint> ChildrenOf(string walsDirectory, int timeline, string? forkedAfter)
    {
        var after = Lsn.TryParse(forkedAfter, out var lsn) ? lsn : (Lsn?)null;
        var children = ImmutableArray.CreateBuilder<uint>();
        for (var tli = (uint)timeline + 1; ; tli++)
        {
            var path = Path.Combine(walsDirectory, tli.ToString("X8", CultureInfo.InvariantCulture) + ".history");
            if (!File.Exists(path))
            {
                break;
            }
            foreach (var (parent, switchpoint) in Read(path))
            {
                if (parent == timeline && (after is not { } a || switchpoint >= a))
                {
                    children.Add(tli);
                }
            }
        }
        return children.ToImmutable();
    }

    /// <summary>
    /// The (parent timeline, switch point) lines of a history file, decompressed when archived compressed. Comments,
    /// blank lines and lines that are not "parent TAB lsn TAB reason" are skipped.
    /// </summary>
    private static List<(int Parent, Lsn Switchpoint)> Read(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[8];
        var headerLength = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        file.Position = 0;
        var codec = WalCodecs.Identify(header[..headerLength]);
        using var content = codec.Decompress(file);
        using var reader = new StreamReader(content);
        var lines = new List<(int, Lsn)>();
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length == 3
                && int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parent)
                && Lsn.TryParse(fields[1], out var switchpoint))
            {
                lines.Add((parent, switchpoint));
            }
        }
        return lines;
    }
}
