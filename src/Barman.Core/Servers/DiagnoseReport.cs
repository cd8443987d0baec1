// The `barman diagnose` document: global config and system info, then per server config, remote status, backups, WAL.
using System.Text.Json.Nodes;
using Barman.Core.Checks;
using Barman.Core.Configuration;
using Barman.Core.Formatting;
using Barman.Core.Processes;

namespace Barman.Core.Servers;

/// <summary>Builds the diagnose JSON tree (the CLI prints it with 4-space indentation and sorted keys).</summary>
public static class DiagnoseReport
{
    public const string BarmanVersion = "3.4.0";

    public static async Task<JsonObject> BuildAsync(GlobalConfig config, IProcessRunner runner, TimeProvider clock, CancellationToken ct)
    {
        var globalConfig = new JsonObject();
        foreach (var (key, value) in RawGlobalSection(config.ConfigFile))
        {
            globalConfig[key] = value;
        }
        globalConfig["errors_list"] = new JsonArray();
        var systemInfo = await SystemInfo.GatherAsync(runner, ct);
        systemInfo["barman_ver"] = BarmanVersion;
        systemInfo["timestamp"] = HumanFormat.IsoWithOffset(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local)).Replace(' ', 'T');

        var servers = new JsonObject();
        foreach (var server in config.Servers.Values)
        {
            servers[server.Name] = await ServerAsync(server, runner, ct);
        }
        return new JsonObject
        {
            ["global"] = new JsonObject { ["config"] = globalConfig, ["system_info"] = systemInfo },
            ["servers"] = servers,
        };
    }

    private static async Task<JsonObject> ServerAsync(ServerConfig server, IProcessRunner runner, CancellationToken ct)
    {
        var configNode = new JsonObject();
        foreach (var (key, value) in ConfigValues.Build(server, RemoteStatusFlavor.Diagnose))
        {
            configNode[key] = value;
        }
        var status = new JsonObject();
        var passive = server.Get("primary_ssh_command") is not null;
        if (!passive)
        {
            var probe = await ServerProbe.FetchAsync(server, runner, ct);
            foreach (var (key, value) in RemoteStatus.Build(probe, RemoteStatusFlavor.Diagnose))
            {
                status[key] = value;
            }
        }
        return new JsonObject
        {
            ["config"] = configNode,
            ["status"] = status,
            ["backups"] = DiagnoseBackups.Build(server),
            ["wals"] = new JsonObject { ["last_archived_wal_per_timeline"] = LastWalPerTimeline(server) },
        };
    }

    /// <summary>The newest archived segment file of each timeline in wals/ (size, mtime and compression read from the file).</summary>
    private static JsonObject LastWalPerTimeline(ServerConfig server)
    {
        var result = new JsonObject();
        if (!Directory.Exists(server.WalsDirectory))
        {
            return result;
        }
        foreach (var dir in Directory.EnumerateDirectories(server.WalsDirectory).OrderDescending(StringComparer.Ordinal))
        {
            var timeline = Path.GetFileName(dir)[..Math.Min(8, Path.GetFileName(dir).Length)];
            if (result.ContainsKey(timeline))
            {
                continue;
            }
            var last = Directory.EnumerateFiles(dir).Select(Path.GetFileName)
                .Where(n => n!.Length == 24 && n.All(char.IsAsciiHexDigit)).OrderDescending(StringComparer.Ordinal).FirstOrDefault();
            if (last is null)
            {
                continue;
            }
            var file = new FileInfo(Path.Combine(dir, last));
            result[timeline] = new JsonObject
            {
                ["compression"] = Compression(file.FullName),
                ["name"] = last,
                ["size"] = file.Length,
                ["time"] = FileTimes.MtimeSeconds(file.FullName),
            };
        }
        return result;
    }

    /// <summary>The compression of an archived WAL, recognised by its magic bytes (null = plain).</summary>
    private static string? Compression(string path)
    {
        var head = new byte[4];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        return head switch
        {
            [0x1f, 0x8b, ..] => "gzip",
            [(byte)'B', (byte)'Z', (byte)'h', ..] => "bzip2",
            [0x28, 0xb5, 0x2f, 0xfd] => "zstd",
            [0x04, 0x22, 0x4d, 0x18] => "lz4",
            _ => null,
        };
    }

    /// <summary>The [barman] keys exactly as written in the main file (barman shows its raw global section).</summary>
    private static IEnumerable<KeyValuePair<string, string>> RawGlobalSection(string path)
    {
        IniDocument document;
        try
        {
            document = IniDocument.Parse(path, File.ReadAllText(path));
        }
        catch (IOException)
        {
            yield break;
        }
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var section in document.Sections.Where(s => s.Name == ConfigLoader.GlobalSection))
        {
            foreach (var (key, value) in section.Keys)
            {
                values[key] = value;
            }
        }
        foreach (var pair in values)
        {
            yield return pair;
        }
    }
}
