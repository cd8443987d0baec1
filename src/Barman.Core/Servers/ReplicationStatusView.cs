// Renders a ReplicationReport as barman prints it: full or --minimal console lines, and the JSON document.
using System.Globalization;
using System.Text.Json.Nodes;
using Barman.Core.Formatting;
using Barman.Core.Wal;

namespace Barman.Core.Servers;

/// <summary>Console lines and JSON of replication-status, byte-for-byte barman's wording.</summary>
public static class ReplicationStatusView
{
    public static string Title(string target) => target switch
    {
        "hot-standby" => "hot standby servers",
        "wal-streamer" => "WAL streamers",
        _ => "streaming clients",
    };

    public static List<string> ConsoleLines(ReplicationReport report, bool minimal)
    {
        var title = Title(report.Target);
        var lines = new List<string>();
        if (minimal)
        {
            var capitalised = char.ToUpperInvariant(title[0]) + title[1..];
            lines.Add(report.ServerLsn is { } lsn
                ? $"{capitalised} for master '{report.Server}' (LSN @ {lsn}):"
                : $"{capitalised} for slave '{report.Server}':");
        }
        else
        {
            lines.Add($"Status of {title} for server '{report.Server}':");
            if (report.ServerLsn is { } lsn)
            {
                lines.Add($"  Current LSN on master: {lsn}");
            }
        }
        if (report.Clients.IsEmpty)
        {
            lines.Add($"  No {title} attached");
            return lines;
        }
        var n = 1;
        if (minimal)
        {
            foreach (var c in report.Clients)
            {
                var addr = c.ClientAddr ?? "socket";
                lines.Add(c.ReplayLsn is null
                    ? Inv($"  {n}. W) {c.UserName}@{addr} S:{c.SentLsn} W:{c.WriteLsn} P:{c.SyncPriority} AN:{c.ApplicationName}")
                    : Inv($"  {n}. {char.ToUpperInvariant(c.SyncState[0])}) {c.UserName}@{addr} S:{c.SentLsn} F:{c.FlushLsn} R:{c.ReplayLsn} P:{c.SyncPriority} AN:{c.ApplicationName}"));
                n++;
            }
            return lines;
        }
        lines.Add(Inv($"  Number of {title}: {report.Clients.Length}"));
        foreach (var c in report.Clients)
        {
            lines.Add(string.Empty);
            var (name, stage) = NameAndStage(c);
            lines.Add(Inv($"  {n}. {name}"));
            lines.Add($"     Application name: {c.ApplicationName}");
            lines.Add($"     Sync stage      : {stage}");
            if (c.ClientAddr is { Length: > 0 })
            {
                lines.Add("     Communication   : TCP/IP");
                lines.Add(Inv($"     IP Address      : {c.ClientAddr} / Port: {c.ClientPort} / Host: {c.ClientHostname ?? "-"}"));
            }
            else
            {
                lines.Add("     Communication   : Unix domain socket");
            }
            lines.Add($"     User name       : {c.UserName}");
            lines.Add($"     Current state   : {c.State} ({c.SyncState})");
            if (c.SlotName is { Length: > 0 })
            {
                lines.Add($"     Replication slot: {c.SlotName}");
            }
            lines.Add(Inv($"     WAL sender PID  : {c.Pid}"));
            lines.Add($"     Started at      : {Started(c)}");
            if (c.BackendXmin is { Length: > 0 } xmin)
            {
                lines.Add($"     Standby's xmin  : {xmin}");
            }
            foreach (var (label, lsn) in Lsns(c))
            {
                lines.Add($"     {label} : {lsn} (diff: {HumanFormat.Size(Diff(lsn, c.CurrentLsn))})");
            }
            n++;
        }
        return lines;
    }

    public static JsonObject Json(ReplicationReport report, bool minimal)
    {
        var title = Title(report.Target).Replace(' ', '_').Replace('-', '_').ToLowerInvariant();
        var result = new JsonObject { ["server_lsn"] = report.ServerLsn };
        var list = new JsonArray();
        result[title] = list;
        if (report.Clients.IsEmpty)
        {
            result["standby_info"] = $"No {Title(report.Target)} attached";
            return result;
        }
        foreach (var c in report.Clients)
        {
            var addr = c.ClientAddr ?? "socket";
            if (minimal)
            {
                var item = new JsonObject();
                if (c.ReplayLsn is not null)
                {
                    item["sync_state"] = char.ToUpperInvariant(c.SyncState[0]).ToString();
                }
                item["user_name"] = c.UserName;
                item["client_addr"] = addr;
                item["sent_lsn"] = c.SentLsn;
                item[c.ReplayLsn is null ? "write_lsn" : "flush_lsn"] = c.ReplayLsn is null ? c.WriteLsn : c.FlushLsn;
                if (c.ReplayLsn is not null)
                {
                    item["replay_lsn"] = c.ReplayLsn;
                }
                item["sync_priority"] = c.SyncPriority;
                item["application_name"] = c.ApplicationName;
                list.Add((JsonNode)item);
                continue;
            }
            var (name, stage) = NameAndStage(c);
            var o = new JsonObject { ["name"] = name, ["application_name"] = c.ApplicationName, ["sync_stage"] = stage };
            if (c.ClientAddr is { Length: > 0 })
            {
                o["communication"] = "TCP/IP";
                o["ip_address"] = c.ClientAddr;
                o["port"] = c.ClientPort;
                o["host"] = c.ClientHostname is { Length: > 0 } h ? h : null;
            }
            else
            {
                o["communication"] = "Unix domain socket";
            }
            o["user_name"] = c.UserName;
            o["current_state"] = c.State;
            o["current_sync_state"] = c.SyncState;
            if (c.SlotName is { Length: > 0 })
            {
                o["replication_slot"] = c.SlotName;
            }
            o["wal_sender_pid"] = c.Pid;
            o["started_at"] = Started(c);
            if (c.BackendXmin is { Length: > 0 } xmin)
            {
                o["standbys_xmin"] = xmin;
            }
            foreach (var (key, lsn) in new[] { ("sent", c.SentLsn), ("write", c.WriteLsn), ("flush", c.FlushLsn), ("replay", c.ReplayLsn) })
            {
                if (lsn is not null)
                {
                    var diff = Diff(lsn, c.CurrentLsn);
                    o[key + "_lsn"] = lsn;
                    o[key + "_lsn_diff"] = HumanFormat.Size(diff);
                    o[key + "_lsn_diff_bytes"] = diff;
                }
            }
            list.Add((JsonNode)o);
        }
        return result;
    }

    /// <summary>"Async WAL streamer" / "#1 Sync standby" and barman's sync stage ladder.</summary>
    private static (string Name, string Stage) NameAndStage(StreamingClient c)
    {
        var streamer = c.ReplayLsn is null;
        var clientType = streamer ? "WAL streamer" : "standby";
        var max = streamer ? 3 : 5;
        string? stage = null;
        if (!streamer)
        {
            stage = Diff(c.ReplayLsn, c.CurrentLsn) == 0 ? "5/5 Hot standby (max)" : Diff(c.FlushLsn, c.CurrentLsn) == 0 ? "4/5 2-safe" : null;
        }
        stage ??= Diff(c.WriteLsn, c.CurrentLsn) == 0 ? Inv($"3/{max} Remote write")
            : Diff(c.SentLsn, c.CurrentLsn) == 0 ? Inv($"2/{max} WAL Sent (min)")
            : Inv($"1/{max} 1-safe");
        var state = c.SyncState.Length == 0 ? c.SyncState : char.ToUpperInvariant(c.SyncState[0]) + c.SyncState[1..].ToLowerInvariant();
        var name = c.SyncPriority > 0 ? Inv($"#{c.SyncPriority} {state} {clientType}") : $"{state} {clientType}";
        return (name, stage);
    }

    private static IEnumerable<(string Label, string Lsn)> Lsns(StreamingClient c)
    {
        foreach (var (label, lsn) in new[] { ("Sent LSN  ", c.SentLsn), ("Write LSN ", c.WriteLsn), ("Flush LSN ", c.FlushLsn), ("Replay LSN", c.ReplayLsn) })
        {
            if (lsn is not null)
            {
                yield return (label, lsn);
            }
        }
    }

    /// <summary>barman's diff_lsn: a - b in bytes, null-safe (0 when either is missing).</summary>
    internal static long Diff(string? a, string? b) =>
        Lsn.TryParse(a, out var x) && Lsn.TryParse(b, out var y) ? (long)x.Value - (long)y.Value : 0;

    private static string Started(StreamingClient c) =>
        c.BackendStart is { } epoch
            ? HumanFormat.IsoWithOffset(TimeZoneInfo.ConvertTime(DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(epoch * 1_000_000) * 10), TimeZoneInfo.Local))
            : "None";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
