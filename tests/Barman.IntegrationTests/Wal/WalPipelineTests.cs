// End-to-end WAL tests on a real PostgreSQL 15: cron + switch-wal, interop with the real barman, SIGKILL, disk full.
using System.Diagnostics;
using Barman.Core.Catalog;
using Barman.Core.Locking;

namespace Barman.IntegrationTests.Wal;

public sealed class WalPipelineTests
{
    [Fact]
    public void Cron_and_switch_wal_archive_bring_every_segment_into_wals_and_xlog_db()
    {
        using var cluster = new WalArchiveRig();

        // Arrange: slot, then cron starts archive-wal and receive-wal in the background
        Assert.Equal(0, cluster.Barman("receive-wal", "--create-slot", "pg").Code);
        var cron = cluster.Barman("cron");
        Assert.Equal(0, cron.Code);
        Assert.Equal("Starting WAL archiving for server pg\nStarting streaming archiver for server pg\n", cron.Stdout);
        WaitFor(() => LockFile.IsHeld(Path.Combine(cluster.Home, ".pg-receive-wal.lock")));

        // Act: WAL traffic, then switch-wal --archive and more cron passes
        cluster.ProduceWal(3);
        var sw = cluster.Barman("switch-wal", "--force", "--archive", "pg");
        cluster.WaitForArchiver(TimeSpan.FromSeconds(60));
        WaitFor(() =>
        {
            cluster.Barman("cron");
            Thread.Sleep(300);
            return Directory.GetFiles(cluster.Incoming).Length == 0
                && Directory.GetFiles(cluster.RefDir).All(f => XlogDb.ReadAll(Path.Combine(cluster.Wals, "xlog.db")).Any(e => e.Name == Path.GetFileName(f)));
        });

        // Assert
        Assert.Equal(0, sw.Code);
        Assert.Matches(@"^(The WAL file [0-9A-F]{24} has been closed on server 'pg'\nWaiting for the WAL file [0-9A-F]{24} from server 'pg' \(max: 30 seconds\)\n)", sw.Stdout);
        WalArchiveAssertions.AssertArchiveHoldsEveryReferenceFile(cluster);
        Assert.Empty(WalArchiveAssertions.FilesIn(Path.Combine(cluster.Home, "pg", "errors")));
        Assert.Empty(WalArchiveAssertions.TempFilesIn(cluster.Wals));
    }

    [Fact]
    public void The_real_barman_accepts_our_catalog_and_we_accept_theirs()
    {
        using var cluster = new WalArchiveRig(streaming: false);
        cluster.ProduceWal(2);
        cluster.WaitForArchiver(TimeSpan.FromSeconds(60));

        // Act 1: ours archives, the real barman rebuilds and serves
        Assert.Equal(0, cluster.Barman("archive-wal", "pg").Code);
        var ours = File.ReadAllText(Path.Combine(cluster.Wals, "xlog.db"));
        var rebuild = Run("/usr/bin/barman", "-c", cluster.ConfigFile, "rebuild-xlogdb", "pg");
        var theirsRebuilt = File.ReadAllText(Path.Combine(cluster.Wals, "xlog.db"));
        var segment = Directory.GetFiles(cluster.RefDir).Order(StringComparer.Ordinal).First();
        var fromReal = RunBytes("/usr/bin/barman", "-c", cluster.ConfigFile, "get-wal", "pg", Path.GetFileName(segment));

        // Assert 1
        Assert.Equal(0, rebuild.Code);
        Assert.Equal(ours, theirsRebuilt);
        Assert.Equal(File.ReadAllBytes(segment), fromReal);

        // Act 2: the real barman archives new WAL, ours rebuilds byte-identically and serves it
        cluster.ProduceWal(2);
        cluster.WaitForArchiver(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Run("/usr/bin/barman", "-c", cluster.ConfigFile, "archive-wal", "pg").Code);
        var theirs = File.ReadAllText(Path.Combine(cluster.Wals, "xlog.db"));
        var ourRebuild = cluster.Barman("rebuild-xlogdb", "pg");
        var newest = Directory.GetFiles(cluster.RefDir).Order(StringComparer.Ordinal).Last(f => Path.GetFileName(f).Length == 24);
        var outDir = Path.Combine(cluster.Root, "out");
        Directory.CreateDirectory(outDir);
        var get = cluster.Barman("get-wal", "-o", outDir, "pg", Path.GetFileName(newest));

        // Assert 2
        Assert.Equal(0, ourRebuild.Code);
        Assert.Equal(theirs, File.ReadAllText(Path.Combine(cluster.Wals, "xlog.db")));
        Assert.Equal(0, get.Code);
        Assert.Equal(File.ReadAllBytes(newest), File.ReadAllBytes(Path.Combine(outDir, Path.GetFileName(newest))));
        WalArchiveAssertions.AssertArchiveHoldsEveryReferenceFile(cluster);
    }

    [Fact]
    public void Archive_wal_killed_at_random_points_loses_nothing_and_archives_each_segment_once()
    {
        using var cluster = new WalArchiveRig(streaming: false);
        var random = new Random(20261125);
        var kills = 0;

        // Act: WAL keeps coming while archive-wal is SIGKILLed at random moments
        for (var round = 0; round < 20; round++)
        {
            cluster.ProduceWal(1 + (round % 3));
            using var p = Process.Start(new ProcessStartInfo(cluster.BarmanBinary, ["-c", cluster.ConfigFile, "-q", "archive-wal", "pg"]))!;
            Thread.Sleep(random.Next(0, 400));
            if (!p.HasExited)
            {
                p.Kill();
                kills++;
            }
            p.WaitForExit();
        }
        cluster.WaitForArchiver(TimeSpan.FromSeconds(60));
        var final = cluster.Barman("archive-wal", "pg");

        // Assert
        Assert.Equal(0, final.Code);
        Assert.True(kills >= 5, $"only {kills} runs were killed mid-way");
        Assert.Empty(Directory.GetFiles(cluster.Incoming));
        Assert.Empty(WalArchiveAssertions.FilesIn(Path.Combine(cluster.Home, "pg", "errors")));
        Assert.Empty(WalArchiveAssertions.TempFilesIn(cluster.Wals));
        WalArchiveAssertions.AssertArchiveHoldsEveryReferenceFile(cluster);
    }

    [Fact]
    public void Disk_full_fails_with_a_clear_error_loses_nothing_and_the_next_run_completes()
    {
        var mount = Path.Combine(Path.GetTempPath(), "barman-wal-tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(mount);
        WalArchiveRig.Sh($"mount -t tmpfs -o size=40M tmpfs {mount}");
        try
        {
            using var cluster = new WalArchiveRig(compression: "none", streaming: false, barmanHome: mount);
            cluster.ProduceWal(4);
            cluster.WaitForArchiver(TimeSpan.FromSeconds(60));
            var delivered = Directory.GetFiles(cluster.Incoming).Length;

            // Act 1: room for two 16 MiB segments only
            var full = cluster.Barman("archive-wal", "pg");
            var listed = XlogDb.ReadAll(Path.Combine(cluster.Wals, "xlog.db")).Select(e => e.Name).ToList();

            // Assert 1: a clear error, the archived ones intact and listed, the rest still waiting
            Assert.Equal(1, full.Code);
            Assert.Contains("ERROR: Failed archiving WAL from", full.Stderr, StringComparison.Ordinal);
            Assert.Contains("No space left on device", full.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", full.Stderr, StringComparison.Ordinal);
            Assert.True(delivered >= 4, $"{delivered} segments delivered");
            Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count()); // a failed append left no line twice
            Assert.InRange(listed.Count, 1, delivered - 1);
            WalArchiveAssertions.AssertArchiveHoldsEveryReferenceFile(cluster, listed);
            Assert.Equal(delivered - listed.Count, Directory.GetFiles(cluster.Incoming).Length);
            Assert.Empty(WalArchiveAssertions.TempFilesIn(cluster.Wals));

            // Act 2: space freed
            WalArchiveRig.Sh($"mount -o remount,size=400M {mount}");
            var again = cluster.Barman("archive-wal", "pg");

            // Assert 2
            Assert.Equal(0, again.Code);
            Assert.Empty(Directory.GetFiles(cluster.Incoming));
            WalArchiveAssertions.AssertArchiveHoldsEveryReferenceFile(cluster);
        }
        finally
        {
            WalArchiveRig.Sh($"umount -l {mount} && rmdir {mount}");
        }
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 60 s");
            Thread.Sleep(200);
        }
    }

    private static (int Code, string Stdout) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static byte[] RunBytes(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        using var ms = new MemoryStream();
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.BaseStream.CopyTo(ms);
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err.Result);
        return ms.ToArray();
    }
}
