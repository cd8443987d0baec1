// A temporary barman home with one server "pg-main" (streaming + archiver, gzip), for tests without PostgreSQL.
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Wal;

internal sealed class TempBarman : IDisposable
{
    public TempBarman(string compression = "gzip", string extra = "")
    {
        Root = Path.Combine(Path.GetTempPath(), "barman-wal-ut-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        var conf = Path.Combine(Root, "barman.conf");
        File.WriteAllText(conf, $"""
            [barman]
            barman_home = {Root}/home
            barman_user = root
            compression = {compression}

            [pg-main]
            description = "Main"
            conninfo = host=127.0.0.1 port=1 user=barman dbname=postgres
            streaming_conninfo = host=127.0.0.1 port=1 user=streaming_barman
            backup_method = postgres
            streaming_archiver = on
            archiver = on
            slot_name = barman
            {extra}
            """);
        Config = ConfigLoader.Load(conf);
        Server = Config.Servers["pg-main"];
        foreach (var d in new[] { Server.IncomingWalsDirectory, Server.StreamingWalsDirectory, Server.WalsDirectory, Server.ErrorsDirectory })
        {
            Directory.CreateDirectory(d);
        }
    }

    public string Root { get; }

    public GlobalConfig Config { get; }

    public ServerConfig Server { get; }

    /// <summary>Writes a 1 MiB fake segment (a valid segment size) whose bytes depend on <paramref name="seed"/>.</summary>
    public string Put(string directory, string name, int seed = 1, int size = 1 << 20)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data.AsSpan(0, Math.Min(size, 4096)));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
