// Builds a barman home with a config, backup.info files and an xlog.db for catalog tests.
using Barman.Core.Catalog;
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Catalog;

/// <summary>A temporary barman_home holding one server's catalog.</summary>
internal sealed class CatalogFixture : IDisposable
{
    public CatalogFixture(string serverLines = "retention_policy = REDUNDANCY 2")
    {
        Root = Path.Combine(Path.GetTempPath(), "barman-cat-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Path.Combine(Root, "home", "pg-main", "base"));
        Directory.CreateDirectory(Path.Combine(Root, "home", "pg-main", "wals"));
        File.WriteAllText(ConfigFile, $"""
            [barman]
            barman_user = root
            barman_home = {Root}/home
            log_file = {Root}/barman.log
            minimum_redundancy = 1

            [pg-main]
            description = Main
            conninfo = host=127.0.0.1 port=55301
            streaming_conninfo = host=127.0.0.1 port=55301
            backup_method = postgres
            streaming_archiver = on
            slot_name = barman
            {serverLines}
            """ + "\n");
    }

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "barman.conf");

    public string ServerDir => Path.Combine(Root, "home", "pg-main");

    public ServerConfig Server => ConfigLoader.Load(ConfigFile).Servers["pg-main"];

    /// <summary>Writes base/&lt;id&gt;/backup.info (and data/ unless told otherwise).</summary>
    public void AddBackup(BackupInfo info, string? keep = null)
    {
        var dir = Path.Combine(ServerDir, "base", info.BackupId);
        Directory.CreateDirectory(Path.Combine(dir, "data"));
        File.WriteAllText(Path.Combine(dir, "backup.info"), info.Format());
        if (keep is not null)
        {
            KeepAnnotation.Write(dir, keep);
        }
    }

    /// <summary>A DONE backup on timeline 1 with one-segment WAL range starting at <paramref name="segment"/>.</summary>
    public static BackupInfo Done(string id, int segment, DateTimeOffset end, string? name = null, string status = BackupInfo.StatusDone) => new()
    {
        BackupId = id,
        BackupName = name,
        Status = status,
        ServerName = "pg-main",
        BeginWal = Wal(segment),
        EndWal = Wal(segment),
        BeginXlog = $"0/{segment:X}000028",
        EndXlog = $"0/{segment + 1:X}000000",
        BeginOffset = 40,
        EndOffset = 0,
        BeginTime = end.AddSeconds(-2),
        EndTime = end,
        Size = 23199599,
        DeduplicatedSize = 23199599,
        CopyStatsLiteral = "{'copy_time': 1.282925, 'total_time': 1.282925}",
        Timeline = 1,
        Version = 150018,
        SystemId = "7711876488350017302",
        Pgdata = "/srv/pg",
        Mode = "postgres",
    };

    public static string Wal(int segment) => $"00000001000000{segment >> 8:X2}000000{segment & 0xFF:X2}";

    /// <summary>Writes xlog.db lines (and empty WAL files) for segments <paramref name="from"/>..<paramref name="to"/>.</summary>
    public void AddWals(int from, int to, double firstTime = 1795561266.8078122)
    {
        var lines = File.Exists(XlogDb) ? File.ReadAllLines(XlogDb).ToList() : [];
        for (var s = from; s <= to; s++)
        {
            var name = Wal(s);
            Directory.CreateDirectory(Path.Combine(ServerDir, "wals", name[..16]));
            File.WriteAllText(Path.Combine(ServerDir, "wals", name[..16], name), string.Empty);
            lines.Add(new XlogDbEntry(name, 16400 + s, firstTime + (s - from) * 3, "gzip").Format().TrimEnd('\n'));
        }
        File.WriteAllLines(XlogDb, lines.Order(StringComparer.Ordinal));
    }

    public string XlogDb => Path.Combine(ServerDir, "wals", "xlog.db");

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
