// Which archived WAL files a recovery needs: from the backup's first segment on, within the target timeline.
using Barman.Core.Catalog;
using Barman.Core.Wal;

namespace Barman.Core.Recovery;

/// <summary>Pure selection over xlog.db entries, as barman's recovery chooses them.</summary>
public static class RequiredWals
{
    /// <summary>
    /// Every history file; then every file from <paramref name="beginWal"/> on whose timeline is at most
    /// <paramref name="targetTimeline"/>. With a target time, the first file past the backup's end WAL archived
    /// after that time is the last one taken (its records may still precede the target).
    /// </summary>
    public static IReadOnlyList<XlogDbEntry> Select(
        IEnumerable<XlogDbEntry> entries, string beginWal, string endWal, uint targetTimeline, double? targetEpoch)
    {
        var selected = new List<XlogDbEntry>();
        var end = endWal;
        foreach (var entry in entries)
        {
            if (!WalSegmentName.TryParse(entry.Name, out var name))
            {
                continue;
            }
            if (name.Kind == WalFileKind.History)
            {
                selected.Add(entry);
                continue;
            }
            if (string.CompareOrdinal(entry.Name, beginWal) < 0 || name.Timeline > targetTimeline || name.Kind == WalFileKind.Partial)
            {
                continue;
            }
            selected.Add(entry);
            if (string.CompareOrdinal(entry.Name, end) > 0)
            {
                end = entry.Name;
                if (targetEpoch is { } t && entry.Time > t)
                {
                    break;
                }
            }
        }
        return selected;
    }
}
