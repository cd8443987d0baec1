// One line of wals/xlog.db: NAME \t SIZE \t MTIME \t COMPRESSION.
using System.Globalization;
using Barman.Core.Formatting;

namespace Barman.Core.Catalog;

/// <summary>An archived WAL file as xlog.db records it (size on disk, source mtime, compression or null).</summary>
public sealed record XlogDbEntry(string Name, long Size, double Time, string? Compression)
{
    /// <summary>Parses one line (without or with its newline); null when the line is malformed.</summary>
    public static XlogDbEntry? TryParse(string line)
    {
        var parts = line.TrimEnd('\n', '\r').Split('\t');
        if (parts.Length != 4
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var time))
        {
            return null;
        }
        return new XlogDbEntry(parts[0], size, time, parts[3] == "None" ? null : parts[3]);
    }

    /// <summary>The line as barman writes it, newline included.</summary>
    public string Format() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}\t{Size}\t{PythonFloat.Repr(Time)}\t{Compression ?? "None"}\n");
}
