// Where get-wal looks for a file and what --peek lists, in barman's order and with barman's name rules.
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Core.Configuration;

namespace Barman.Core.Wal;

/// <summary>
/// Barman's view of a requested name: any timeline-prefixed WAL name (hex in either case), the places a file
/// of that name can be (archive, incoming, streaming, partial copies), and the names --peek walks through.
/// Only file existence is consulted: no catalog read, so restore_command stays a few system calls.
/// </summary>
public static partial class WalLookup
{
    // Segments per log when the segment size is unknown: every size down to 8 KiB fits (barman's generator).
    private const uint SegmentsPerLogUnknownSize = 0x7FFFF;

    /// <summary>True for a segment, a .partial, a .backup label or a .history name (barman's is_any_xlog_file).</summary>
    public static bool IsAnyWalName(string name) => NamePattern().IsMatch(name);

    /// <summary>The paths get-wal tries, in order; with <paramref name="partial"/> also the .partial copies.</summary>
    public static IReadOnlyList<string> PossiblePaths(ServerConfig server, string name, bool partial)
    {
        var archived = Path.Combine(server.WalsDirectory, HashDirectory(name), name);
        var incoming = Path.Combine(server.IncomingWalsDirectory, name);
        var streaming = Path.Combine(server.StreamingWalsDirectory, name);
        // The repeated entries cover a file that moves on (pg_receivewal completing it, the archiver taking it) meanwhile.
        return partial
            ? [archived, incoming, streaming, streaming + ".partial", streaming, archived + ".partial", incoming + ".partial", archived]
            : [archived, incoming, streaming, archived];
    }

    /// <summary>
    /// get-wal --peek: from <paramref name="name"/> on, the names present anywhere get-wal looks, up to
    /// <paramref name="count"/>, stopping at the first gap. After a power-of-two segment number is missing the
    /// walk jumps to the next log, which is how barman crosses a log boundary without knowing the segment size.
    /// </summary>
    public static IReadOnlyList<string> Peek(ServerConfig server, string name, int count)
    {
        var found = new List<string>();
        var (timeline, log, segment) = Decode(name);
        var single = !IsPlainSegment(name);
        // A segment name is re-encoded (upper-case hex) as barman's generator does; other names are looked up as given.
        var current = single ? name : Encode(timeline, log, segment);
        while (found.Count < count)
        {
            if (PossiblePaths(server, current, partial: false).Any(File.Exists))
            {
                found.Add(current);
                if (single)
                {
                    break;
                }
                (log, segment) = segment + 1 > SegmentsPerLogUnknownSize ? (log + 1, 0u) : (log, segment + 1);
                current = Encode(timeline, log, segment);
                continue;
            }
            if (segment is not { } seg || seg == 0 || (seg & (seg - 1)) != 0)
            {
                break;
            }
            single = false;
            (log, segment) = (log + 1, 0u);
            current = Encode(timeline, log, segment);
        }
        return found;
    }

    // barman's hash_dir: timeline + log in upper-case hex, empty for a history file.
    private static string HashDirectory(string name)
    {
        var (timeline, log, _) = Decode(name);
        return log is { } l ? string.Create(CultureInfo.InvariantCulture, $"{timeline:X8}{l:X8}") : string.Empty;
    }

    private static bool IsPlainSegment(string name) => name.Length == 24;

    private static (uint Timeline, uint? Log, uint? Segment) Decode(string name)
    {
        var m = NamePattern().Match(name);
        static uint? Hex(Group g) => g.Success ? uint.Parse(g.Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : null;
        return (Hex(m.Groups[1])!.Value, Hex(m.Groups[2]), Hex(m.Groups[3]));
    }

    private static string Encode(uint timeline, uint? log, uint? segment) =>
        string.Create(CultureInfo.InvariantCulture, $"{timeline:X8}{log:X8}{segment:X8}");

    [GeneratedRegex(@"^([0-9A-Fa-f]{8})(?:([0-9A-Fa-f]{8})([0-9A-Fa-f]{8})(?:\.[0-9A-Fa-f]{8}\.backup|\.partial)?|\.history)$")]
    private static partial Regex NamePattern();
}
