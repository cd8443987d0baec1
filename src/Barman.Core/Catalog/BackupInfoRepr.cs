// Python's repr() of a LocalBackupInfo, which barman prints in "Cannot delete backup (...)"; kept for byte-equal errors.
using System.Globalization;
using System.Text;

namespace Barman.Core.Catalog;

/// <summary>Renders <c>LocalBackupInfo(key=value, ...)</c> as barman 3.4 prints it.</summary>
public static class BackupInfoRepr
{
    public static string Repr(BackupInfo info)
    {
        var sb = new StringBuilder("LocalBackupInfo(");
        var first = true;
        foreach (var field in BackupInfoFields.All)
        {
            var text = field.Get(info);
            if (text is null && field.HideIfNull)
            {
                continue;
            }
            if (!first)
            {
                sb.Append(", ");
            }
            first = false;
            sb.Append(field.Key).Append('=').Append(text is null ? "None" : field.Kind switch
            {
                BackupInfoFieldKind.Integer => text,
                BackupInfoFieldKind.Time => DateTimeRepr(BackupInfoFields.ParseTime(text)),
                _ => PythonLiteral.Repr(text),
            });
        }
        return sb.Append(')').ToString();
    }

    // datetime.datetime(2026, 11, 24, 23, 1, 9, 656205, tzinfo=tzlocal()): seconds and microseconds omitted when zero.
    private static string DateTimeRepr(DateTimeOffset t)
    {
        var local = TimeZoneInfo.ConvertTime(t, TimeZoneInfo.Local);
        var micro = (int)(local.Ticks % TimeSpan.TicksPerSecond / 10);
        var parts = new List<int> { local.Year, local.Month, local.Day, local.Hour, local.Minute };
        if (local.Second != 0 || micro != 0)
        {
            parts.Add(local.Second);
        }
        if (micro != 0)
        {
            parts.Add(micro);
        }
        return "datetime.datetime(" + string.Join(", ", parts.Select(p => p.ToString(CultureInfo.InvariantCulture))) + ", tzinfo=tzlocal())";
    }
}
