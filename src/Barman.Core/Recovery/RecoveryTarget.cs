// The recovery target the operator asked for (at most one of time/xid/lsn/name/immediate) and its options.
using System.Globalization;
using Barman.Core.Errors;
using Barman.Core.Wal;

namespace Barman.Core.Recovery;

/// <summary>
/// Target options exactly as typed. <see cref="Create"/> applies barman's "one target only" rule;
/// <see cref="Validate"/> the rules checked once the backup is known.
/// </summary>
public sealed record RecoveryTarget(
    string? Time,
    string? Xid,
    string? Lsn,
    string? Name,
    bool Immediate,
    bool Exclusive,
    string? Timeline,
    string? Action)
{
    public static readonly RecoveryTarget None = new(null, null, null, null, false, false, null, null);

    /// <summary>The values <c>--target-action</c> accepts (PostgreSQL 9.5+).</summary>
    public static readonly IReadOnlyList<string> Actions = ["pause", "shutdown", "promote"];

    /// <summary>True when recovery stops somewhere other than the end of the archive (recovery.signal, barman_wal/).</summary>
    public bool IsPitr => Time is not null || Xid is not null || Lsn is not null || Name is not null || Immediate || Timeline is not null;

    public static RecoveryTarget Create(
        string? time, string? xid, string? lsn, string? name, bool immediate, bool exclusive, string? timeline, string? action)
    {
        var count = new[] { time is not null, xid is not null, lsn is not null, name is not null, immediate }.Count(b => b);
        if (count > 1)
        {
            throw new RecoveryException("You cannot specify multiple targets for the recovery operation");
        }
        return new RecoveryTarget(time, xid, lsn, name, immediate, exclusive, timeline, action);
    }

    /// <summary>True for a timeline barman accepts: a positive number, <c>current</c> or <c>latest</c>.</summary>
    public static bool IsValidTimeline(string text) =>
        text is "current" or "latest" || (uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0);

    /// <summary>Checks what needs the backup; returns the parsed target time (null when none).</summary>
    public DateTimeOffset? Validate(RecoverySource source, TimeZoneInfo localZone)
    {
        if (Action is not null && !IsPitr)
        {
            throw new RecoveryException("Can't enable recovery target action when PITR is not required");
        }
        // The real barman writes these unchecked and PostgreSQL then refuses to start; we refuse up front.
        if (Lsn is not null && !Wal.Lsn.TryParse(Lsn, out _))
        {
            throw new RecoveryException($"Invalid --target-lsn '{Lsn}': expected a WAL location such as 0/12042F90");
        }
        if (Xid is not null && !ulong.TryParse(Xid, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw new RecoveryException($"Invalid --target-xid '{Xid}': expected a transaction ID (a non-negative integer)");
        }
        if (Time is null)
        {
            return null;
        }
        var when = TargetTimeParser.Parse(Time, localZone);
        if (when < source.EndTime)
        {
            throw new RecoveryException(
                $"The requested target time {Formatting.HumanFormat.IsoWithOffset(when)} is before the backup end time {Formatting.HumanFormat.IsoWithOffset(source.EndTime)}");
        }
        return when;
    }

    /// <summary>The highest timeline whose WAL recovery may need.</summary>
    public uint TimelineLimit(RecoverySource source) => Timeline switch
    {
        null or "current" => WalSegmentName.TryParse(source.EndWal, out var end) ? end.Timeline : source.Timeline,
        "latest" => uint.MaxValue,
        _ => uint.Parse(Timeline, CultureInfo.InvariantCulture),
    };

    /// <summary>barman's "Doing PITR." line for the chosen target, or null.</summary>
    public string? Describe(DateTimeOffset? time) =>
        time is { } t ? $"Doing PITR. Recovery target time: '{Formatting.HumanFormat.IsoWithOffset(t)}'"
        : Xid is not null ? $"Doing PITR. Recovery target xid: '{Xid}'"
        : Lsn is not null ? $"Doing PITR. Recovery target lsn: '{Lsn}'"
        : Name is not null ? $"Doing PITR. Recovery target name: '{Name}'"
        : Immediate ? "Doing PITR. Recovery target immediate: True"
        : null;
}
