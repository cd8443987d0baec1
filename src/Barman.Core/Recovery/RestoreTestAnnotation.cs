// base/<id>/annotations/restore_test: the outcome of the last restore test of one backup (written and read here only).
using System.Globalization;
using System.Text;
using Barman.Core.Formatting;
using Barman.Core.Storage;

namespace Barman.Core.Recovery;

/// <summary>The last restore test of a backup: key=value lines, one per field.</summary>
public sealed record RestoreTestAnnotation(bool Ok, DateTimeOffset Time, double TotalSeconds, double CopySeconds, double ReplaySeconds, string? Error)
{
    public const string FileName = "restore_test";

    public static string PathFor(string backupDirectory) => Path.Combine(backupDirectory, "annotations", FileName);

    /// <summary>The annotation of the backup in <paramref name="backupDirectory"/>, or null when none was written (or it is unreadable).</summary>
    public static RestoreTestAnnotation? Read(string backupDirectory)
    {
        var path = PathFor(backupDirectory);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static RestoreTestAnnotation? Parse(string text)
    {
        var values = text.Split('\n')
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);
        if (!values.TryGetValue("status", out var status) || status is not ("OK" or "FAILED")
            || !values.TryGetValue("time", out var time)
            || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }
        double Seconds(string key) =>
            values.TryGetValue(key, out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
        var error = values.GetValueOrDefault("error");
        return new RestoreTestAnnotation(status == "OK", at, Seconds("total_seconds"), Seconds("copy_seconds"), Seconds("replay_seconds"),
            error is null or "None" ? null : error);
    }

    public string Format() => new StringBuilder()
        .Append("status=").Append(Ok ? "OK" : "FAILED").Append('\n')
        .Append("time=").Append(HumanFormat.IsoWithOffset(Time)).Append('\n')
        .Append("total_seconds=").Append(TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
        .Append("copy_seconds=").Append(CopySeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
        .Append("replay_seconds=").Append(ReplaySeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n')
        .Append("error=").Append(Error?.Replace('\n', ' ') ?? "None").Append('\n')
        .ToString();

    public void Write(string backupDirectory)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathFor(backupDirectory))!);
        DurableFile.WriteAtomic(PathFor(backupDirectory), Encoding.UTF8.GetBytes(Format()), FileModes.Mode0644);
    }

    /// <summary>"OK at 2026-11-25 11:00:00.123456+00:00 (took 12 s)"; a failure adds its reason.</summary>
    public string Describe(TimeZoneInfo zone)
    {
        var s = $"{(Ok ? "OK" : "FAILED")} at {HumanFormat.IsoWithOffset(TimeZoneInfo.ConvertTime(Time, zone))} (took {TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s)";
        return Ok || Error is null ? s : $"{s}: {Error}";
    }
}
