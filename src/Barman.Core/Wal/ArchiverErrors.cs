// What check's "archiver errors" line counts: files archive-wal moved to errors/, by reason.
using Barman.Core.Configuration;

namespace Barman.Core.Wal;

/// <summary>Counts of errors/&lt;name&gt;.&lt;stamp&gt;.&lt;reason&gt; files.</summary>
public sealed record ArchiverErrors(int Duplicates, int Unknown, int Other)
{
    public bool Any => Duplicates + Unknown + Other > 0;

    /// <summary>barman's hint: <c>duplicates: 1, unknown: 1</c> (only the non-zero reasons).</summary>
    public string Hint => string.Join(", ", new[] { ("duplicates", Duplicates), ("unknown", Unknown), ("other", Other) }
        .Where(p => p.Item2 > 0).Select(p => $"{p.Item1}: {p.Item2}"));

    public static ArchiverErrors Count(ServerConfig server)
    {
        if (!Directory.Exists(server.ErrorsDirectory))
        {
            return new ArchiverErrors(0, 0, 0);
        }
        int duplicates = 0, unknown = 0, other = 0;
        foreach (var name in Directory.EnumerateFiles(server.ErrorsDirectory).Select(Path.GetFileName))
        {
            if (name!.EndsWith(".duplicate", StringComparison.Ordinal))
            {
                duplicates++;
            }
            else if (name.EndsWith(".unknown", StringComparison.Ordinal))
            {
                unknown++;
            }
            else
            {
                other++;
            }
        }
        return new ArchiverErrors(duplicates, unknown, other);
    }
}
