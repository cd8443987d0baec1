// One backup's backup.info: an immutable record whose text form is produced and read only through BackupInfoFields.
using System.Buffers;
using System.Collections.Immutable;
using System.Text;

namespace Barman.Core.Catalog;

/// <summary>
/// The contents of <c>base/&lt;id&gt;/backup.info</c>. Literal-valued keys (backup_label, copy_stats, included_files,
/// tablespaces, snapshots_info) keep their Python literal text so that a file written by barman is rewritten byte for byte;
/// typed accessors decode them. Keys we do not know are kept in <see cref="Extra"/> and written back.
/// </summary>
public sealed record BackupInfo
{
    public const string StatusEmpty = "EMPTY";
    public const string StatusStarted = "STARTED";
    public const string StatusWaitingForWals = "WAITING_FOR_WALS";
    public const string StatusDone = "DONE";
    public const string StatusSyncing = "SYNCING";
    public const string StatusFailed = "FAILED";

    /// <summary>The directory name under base/ (not stored in the file).</summary>
    public required string BackupId { get; init; }

    public string? BackupLabelLiteral { get; init; }
    public string? BackupName { get; init; }
    public long? BeginOffset { get; init; }
    public DateTimeOffset? BeginTime { get; init; }
    public string? BeginWal { get; init; }
    public string? BeginXlog { get; init; }
    public string? Compression { get; init; }
    public string? ConfigFile { get; init; }
    public string? CopyStatsLiteral { get; init; }
    public long? DeduplicatedSize { get; init; }
    public long? EndOffset { get; init; }
    public DateTimeOffset? EndTime { get; init; }
    public string? EndWal { get; init; }
    public string? EndXlog { get; init; }
    public string? Error { get; init; }
    public string? HbaFile { get; init; }
    public string? IdentFile { get; init; }
    public string? IncludedFilesLiteral { get; init; }
    public string? Mode { get; init; }
    public string? Pgdata { get; init; }
    public string? ServerName { get; init; }
    public long? Size { get; init; }
    public string? SnapshotsInfoLiteral { get; init; }
    public string Status { get; init; } = StatusEmpty;
    public string? SystemId { get; init; }
    public string? TablespacesLiteral { get; init; }
    public int? Timeline { get; init; }
    public int? Version { get; init; }
    public long? XlogSegmentSize { get; init; } = Wal.WalSegmentName.DefaultSegmentSize;

    /// <summary>Keys this version does not know (written by a newer barman), kept verbatim.</summary>
    public ImmutableSortedDictionary<string, string> Extra { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>The decoded backup_label text (what PostgreSQL returned), or null.</summary>
    public string? BackupLabel => BackupLabelLiteral is null ? null : PythonLiteral.Parse(BackupLabelLiteral) as string;

    /// <summary>A number from copy_stats (copy_time, total_time, analysis_time, number_of_workers), or null.</summary>
    public double? CopyStat(string key) => CopyStatValue(key) switch { long l => l, double d => d, _ => null };

    /// <summary>A copy_stats value with its Python type (long for int, double for float), or null.</summary>
    public object? CopyStatValue(string key)
    {
        if (CopyStatsLiteral is null || PythonLiteral.Parse(CopyStatsLiteral) is not ImmutableArray<KeyValuePair<string, object?>> dict)
        {
            return null;
        }
        foreach (var (k, v) in dict)
        {
            if (k == key)
            {
                return v;
            }
        }
        return null;
    }

    /// <summary>True when the tablespaces value is None or an empty list.</summary>
    public bool HasTablespaces => TablespacesLiteral is { } t && PythonLiteral.Parse(t) is ImmutableArray<object?> { Length: > 0 };

    /// <summary>The tablespaces as (name, oid, location), empty when none.</summary>
    public ImmutableArray<(string Name, long Oid, string Location)> Tablespaces =>
        TablespacesLiteral is { } t && PythonLiteral.Parse(t) is ImmutableArray<object?> list
            ? [.. list.OfType<PythonLiteral.PyTuple>().Select(x => ((string)x.Items[0]!, (long)x.Items[1]!, (string)x.Items[2]!))]
            : [];

    /// <summary>Parses backup.info text; <see cref="FormatException"/> names the bad line or key.</summary>
    public static BackupInfo Parse(string backupId, string text) => Parse(backupId, text.AsSpan());

    /// <summary>Parses backup.info text held in a buffer (only text values become strings; numbers and times are read in place).</summary>
    public static BackupInfo Parse(string backupId, ReadOnlySpan<char> text)
    {
        Span<(int Start, int Length)> values = stackalloc (int, int)[BackupInfoFields.All.Count];
        values.Fill((0, -1));
        ImmutableSortedDictionary<string, string>.Builder? extra = null;
        var lineNumber = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            lineNumber++;
            // Only '\n' ends a line (not EnumerateLines' Unicode separators, which a value may hold).
            var nl = text[pos..].IndexOf('\n');
            var next = nl < 0 ? text.Length : pos + nl + 1;
            var line = text[pos..(nl < 0 ? text.Length : pos + nl)].TrimEnd('\r');
            var start = pos;
            pos = next;
            if (line.Length == 0)
            {
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0)
            {
                throw new FormatException($"line {lineNumber} is not 'key=value'");
            }
            var ordinal = BackupInfoFields.OrdinalOf(line[..eq]);
            if (ordinal >= 0)
            {
                values[ordinal] = (start + eq + 1, line.Length - eq - 1);
            }
            else
            {
                extra ??= ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
                extra[new string(line[..eq])] = new string(line[(eq + 1)..]);
            }
        }
        return BackupInfoFields.Build(backupId, text, values, extra?.ToImmutable());
    }

    /// <summary>The file text: every field sorted by key, nulls as None, trailing newline.</summary>
    public string Format()
    {
        var lines = new SortedDictionary<string, string>(Extra, StringComparer.Ordinal);
        foreach (var field in BackupInfoFields.All)
        {
            var value = field.Get(this);
            if (value is null && field.HideIfNull)
            {
                continue;
            }
            lines[field.Key] = value ?? "None";
        }
        var sb = new StringBuilder();
        foreach (var (key, value) in lines)
        {
            sb.Append(key).Append('=').Append(value).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Reads and parses a backup.info file; the id is its directory's name.</summary>
    public static BackupInfo Load(string path) =>
        TryLoad(path) ?? throw new FileNotFoundException($"Could not find file '{path}'.", path);

    /// <summary>As <see cref="Load"/>, null when the file does not exist (a directory that is not a backup).</summary>
    public static BackupInfo? TryLoad(string path) =>
        Decode(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)!)!, Storage.SmallFile.TryRead(path));

    /// <summary>Reads <c>&lt;id&gt;/backup.info</c> below an open base/ directory; null when it does not exist.</summary>
    internal static BackupInfo? TryLoad(Storage.SmallFile.Directory baseDirectory, string backupId) =>
        Decode(backupId, baseDirectory.TryRead(backupId + "/backup.info"));

    private static BackupInfo? Decode(string backupId, Storage.SmallFile.Contents? file)
    {
        if (file is not { } contents)
        {
            return null;
        }
        var chars = ArrayPool<char>.Shared.Rent(contents.Bytes.Length);
        try
        {
            var count = Encoding.UTF8.GetChars(contents.Bytes, chars);
            return Parse(backupId, chars.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            contents.Dispose();
        }
    }
}
