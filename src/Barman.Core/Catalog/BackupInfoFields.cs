// The one table of backup.info keys: name, how the text is read into the record, how it is written, default, hidden-if-null.
using System.Collections.Frozen;
using System.Globalization;
using Barman.Core.Formatting;

namespace Barman.Core.Catalog;

/// <summary>One backup.info key. <c>Get</c> returns the value text or null for <c>None</c>; <c>Set</c> parses value text.</summary>
internal sealed record BackupInfoField(
    string Key, BackupInfoFieldKind Kind, Func<BackupInfo, string?> Get, Func<BackupInfo, string?, BackupInfo> Set, bool HideIfNull = false);

/// <summary>How a value is typed in barman (drives Python repr in error messages).</summary>
internal enum BackupInfoFieldKind
{
    Text,
    Literal,
    Integer,
    Time,
}

/// <summary>Every key barman 3.4 writes, declared once. Defaults are the record's initial values (status EMPTY, 16 MiB segments).</summary>
internal static class BackupInfoFields
{
    public static readonly IReadOnlyList<BackupInfoField> All =
    [
        Literal("backup_label", b => b.BackupLabelLiteral, (b, v) => b with { BackupLabelLiteral = v }),
        Text("backup_name", b => b.BackupName, (b, v) => b with { BackupName = v }, hideIfNull: true),
        Int64("begin_offset", b => b.BeginOffset, (b, v) => b with { BeginOffset = v }),
        Time("begin_time", b => b.BeginTime, (b, v) => b with { BeginTime = v }),
        Text("begin_wal", b => b.BeginWal, (b, v) => b with { BeginWal = v }),
        Text("begin_xlog", b => b.BeginXlog, (b, v) => b with { BeginXlog = v }),
        Text("compression", b => b.Compression, (b, v) => b with { Compression = v }),
        Text("config_file", b => b.ConfigFile, (b, v) => b with { ConfigFile = v }),
        Literal("copy_stats", b => b.CopyStatsLiteral, (b, v) => b with { CopyStatsLiteral = v }),
        Int64("deduplicated_size", b => b.DeduplicatedSize, (b, v) => b with { DeduplicatedSize = v }),
        Int64("end_offset", b => b.EndOffset, (b, v) => b with { EndOffset = v }),
        Time("end_time", b => b.EndTime, (b, v) => b with { EndTime = v }),
        Text("end_wal", b => b.EndWal, (b, v) => b with { EndWal = v }),
        Text("end_xlog", b => b.EndXlog, (b, v) => b with { EndXlog = v }),
        Text("error", b => b.Error, (b, v) => b with { Error = v }),
        Text("hba_file", b => b.HbaFile, (b, v) => b with { HbaFile = v }),
        Text("ident_file", b => b.IdentFile, (b, v) => b with { IdentFile = v }),
        Literal("included_files", b => b.IncludedFilesLiteral, (b, v) => b with { IncludedFilesLiteral = v }),
        Text("mode", b => b.Mode, (b, v) => b with { Mode = v }),
        Text("pgdata", b => b.Pgdata, (b, v) => b with { Pgdata = v }),
        Text("server_name", b => b.ServerName, (b, v) => b with { ServerName = v }),
        Int64("size", b => b.Size, (b, v) => b with { Size = v }),
        Literal("snapshots_info", b => b.SnapshotsInfoLiteral, (b, v) => b with { SnapshotsInfoLiteral = v }, hideIfNull: true),
        Text("status", b => b.Status, (b, v) => b with { Status = v ?? BackupInfo.StatusEmpty }),
        Text("systemid", b => b.SystemId, (b, v) => b with { SystemId = v }),
        Literal("tablespaces", b => b.TablespacesLiteral, (b, v) => b with { TablespacesLiteral = v }),
        Int32("timeline", b => b.Timeline, (b, v) => b with { Timeline = v }),
        Int32("version", b => b.Version, (b, v) => b with { Version = v }),
        Int64("xlog_segment_size", b => b.XlogSegmentSize, (b, v) => b with { XlogSegmentSize = v }),
    ];

    private static readonly FrozenDictionary<string, BackupInfoField> ByKey = All.ToFrozenDictionary(f => f.Key, StringComparer.Ordinal);

    /// <summary>Applies one <c>key=value</c> line; unknown keys go to Extra; a bad value throws naming the key.</summary>
    public static BackupInfo Set(BackupInfo info, string key, string value)
    {
        if (!ByKey.TryGetValue(key, out var field))
        {
            return info with { Extra = info.Extra.SetItem(key, value) };
        }
        try
        {
            return field.Set(info, value == "None" ? null : value);
        }
        catch (FormatException e)
        {
            throw new FormatException($"invalid value for '{key}': {e.Message}", e);
        }
    }

    private static BackupInfoField Text(string key, Func<BackupInfo, string?> get, Func<BackupInfo, string?, BackupInfo> set, bool hideIfNull = false) =>
        new(key, BackupInfoFieldKind.Text, get, set, hideIfNull);

    // Literal values are checked on read (so a corrupt file is reported) but kept as written.
    private static BackupInfoField Literal(string key, Func<BackupInfo, string?> get, Func<BackupInfo, string?, BackupInfo> set, bool hideIfNull = false) =>
        new(key, BackupInfoFieldKind.Literal, get, (b, v) =>
        {
            if (v is not null)
            {
                PythonLiteral.Parse(v);
            }
            return set(b, v);
        }, hideIfNull);

    private static BackupInfoField Int64(string key, Func<BackupInfo, long?> get, Func<BackupInfo, long?, BackupInfo> set) =>
        new(key, BackupInfoFieldKind.Integer, b => get(b)?.ToString(CultureInfo.InvariantCulture),
            (b, v) => set(b, v is null ? null : long.Parse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));

    private static BackupInfoField Int32(string key, Func<BackupInfo, int?> get, Func<BackupInfo, int?, BackupInfo> set) =>
        new(key, BackupInfoFieldKind.Integer, b => get(b)?.ToString(CultureInfo.InvariantCulture),
            (b, v) => set(b, v is null ? null : int.Parse(v.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)));

    private static BackupInfoField Time(string key, Func<BackupInfo, DateTimeOffset?> get, Func<BackupInfo, DateTimeOffset?, BackupInfo> set) =>
        new(key, BackupInfoFieldKind.Time, b => get(b) is { } t ? HumanFormat.IsoWithOffset(t) : null, (b, v) => set(b, v is null ? null : ParseTime(v)));

    /// <summary>Reads what <c>str(datetime)</c> wrote; a naive time is taken as local time, as barman does.</summary>
    internal static DateTimeOffset ParseTime(string text)
    {
        string[] aware = ["yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-ddTHH:mm:sszzz"];
        if (DateTimeOffset.TryParseExact(text, aware, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }
        string[] naive = ["yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss"];
        if (DateTime.TryParseExact(text, naive, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local));
        }
        throw new FormatException($"'{text}' is not a date and time");
    }
}
