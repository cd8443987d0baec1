// One line of wals/xlog.db: NAME \t SIZE \t MTIME \t COMPRESSION.
using System.Globalization;
using Barman.Core.Formatting;

namespace Barman.Core.Catalog;

/// <summary>An archived WAL file as xlog.db records it (size on disk, source mtime, compression or null).</summary>
public sealed record XlogDbEntry(string Name, long Size, double Time, string? Compression)
{
    /// <summary>Parses one line (without or with its newline); null when the line is malformed.</summary>
    public static XlogDbEntry? TryParse(string line) => TryParse(line.AsSpan());

    /// <summary>The span form the xlog.db reader uses: no allocation beyond the name (compressions are shared strings).</summary>
    public static XlogDbEntry? TryParse(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd("\n\r");
        var t1 = line.IndexOf('\t');
        if (t1 < 0)
        {
            return null;
        }
        var rest = line[(t1 + 1)..];
        var t2 = rest.IndexOf('\t');
        if (t2 < 0)
        {
            return null;
        }
        var sizeText = rest[..t2];
        rest = rest[(t2 + 1)..];
        var t3 = rest.IndexOf('\t');
        if (t3 < 0)
        {
            return null;
        }
        var timeText = rest[..t3];
        var compression = rest[(t3 + 1)..];
        if (compression.Contains('\t')
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !double.TryParse(timeText, NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }
        return new XlogDbEntry(new string(line[..t1]), size, time, CompressionName(compression));
    }

    /// <summary>The line as barman writes it, newline included.</summary>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}\t{Size}\t{PythonFloat.Repr(Time)}\t{Compression ?? "None"}\n");

    // Tens of thousands of lines name the same few compressions: share one string for each.
    private static string? CompressionName(ReadOnlySpan<char> text) => text switch
    {
        "None" => null,
        "gzip" => "gzip",
        "bzip2" => "bzip2",
        "zstd" => "zstd",
        "lz4" => "lz4",
        "pygzip" => "pygzip",
        "pybzip2" => "pybzip2",
        "custom" => "custom",
        _ => new string(text),
    };
}
