// Oracle tests: the real barman 3.4 (/usr/bin/barman, installed by .ci/run) and ours print byte-equal list/show output
// for a catalog our code wrote, and ours reads what the real barman changed (keep annotations, deletes, xlog.db).
using System.Diagnostics;
using System.Globalization;
using Barman.Core.Catalog;
using Barman.Core.Formatting;

namespace Barman.Cli.Tests.Golden;

public sealed class CatalogOracleTests
{
    private const string RealBarman = "/usr/bin/barman";

    private static (int Code, string Out, string Err) Real(GoldenHome home, params string[] args)
    {
        var psi = new ProcessStartInfo(RealBarman) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(home.ConfigFile);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }

    // A catalog written with our BackupInfo.Format: named, kept, FAILED and WAITING backups; WAL between them.
    private static GoldenHome WrittenByUs(string policy)
    {
        var home = new GoldenHome("pg-main", policy);
        var start = TimeProvider.System.GetUtcNow().AddDays(-12);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, 0, 0, 0, TimeSpan.Zero);
        var xlog = new List<XlogDbEntry>();
        var segment = 3;
        for (var i = 0; i < 12; i++)
        {
            var begin = start.AddDays(i).AddMicroseconds(123457 * (i % 5));
            var id = BackupId.FromStartTime(begin.ToLocalTime()).Value;
            var wal = $"00000001000000{segment >> 8:X2}000000{segment & 0xFF:X2}";
            var status = i == 4 ? BackupInfo.StatusFailed : i == 11 ? BackupInfo.StatusWaitingForWals : BackupInfo.StatusDone;
            var info = new BackupInfo
            {
                BackupId = id,
                BackupName = i % 5 == 2 ? "nightly " + (i % 2).ToString(CultureInfo.InvariantCulture) : null,
                BackupLabelLiteral = PythonLiteral.Repr($"START WAL LOCATION: 0/{segment:X}000028 (file {wal})\nLABEL: it's a test\n"),
                Status = status,
                ServerName = "pg-main",
                BeginTime = begin,
                BeginWal = wal,
                BeginXlog = $"0/{segment:X}000028",
                BeginOffset = 40,
                EndTime = status == BackupInfo.StatusFailed ? null : begin.AddSeconds(1 + (i % 3)).AddMicroseconds(654321),
                EndWal = status == BackupInfo.StatusFailed ? null : wal,
                EndXlog = status == BackupInfo.StatusFailed ? null : $"0/{segment + 1:X}000000",
                EndOffset = status == BackupInfo.StatusFailed ? null : 0,
                Size = status == BackupInfo.StatusFailed ? null : 23199599 + (i * 4099),
                DeduplicatedSize = status == BackupInfo.StatusFailed ? null : 23199599 + (i * 4099),
                CopyStatsLiteral = status == BackupInfo.StatusFailed ? null : $"{{'copy_time': {PythonFloat.Repr(1.25 + i)}, 'total_time': {PythonFloat.Repr(1.5 + i)}}}",
                Error = status == BackupInfo.StatusFailed ? "failure copying files (data transfer failure)" : null,
                Timeline = 1,
                Version = 150018,
                SystemId = "7711876488350017302",
                Pgdata = "/srv/pg",
                Mode = "postgres",
                ConfigFile = "/srv/pg/postgresql.conf",
            };
            home.AddBackup(id, info.Format(), keep: i == 1 ? "standalone" : i == 6 ? "full" : null);
            for (var k = 0; k < 3; k++)
            {
                var name = $"00000001000000{segment >> 8:X2}000000{segment & 0xFF:X2}";
                if (!(status == BackupInfo.StatusWaitingForWals && k == 0))
                {
                    xlog.Add(new XlogDbEntry(name, 16400 + (segment * 37 % 500), begin.ToUnixTimeMilliseconds() / 1000.0 + (k * 3.3), "gzip"));
                }
                segment++;
            }
        }
        home.WriteXlogDb(string.Concat(xlog.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => e.Format())));
        return home;
    }

    public static TheoryData<string> Policies() => ["REDUNDANCY 3", "RECOVERY WINDOW OF 5 DAYS\nminimum_redundancy = 8", "RECOVERY WINDOW OF 1 WEEKS"];

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_real_barman_and_ours_print_the_same_for_a_catalog_we_wrote(string policy)
    {
        // Arrange
        using var home = WrittenByUs("retention_policy = " + policy);
        var ids = Real(home, "list-backup", "--minimal", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        List<string[]> commands = [["list-backup", "pg-main"], ["-f", "json", "list-backup", "pg-main"], ["list-files", "--target", "wal", "pg-main", "oldest"]];
        // A sample of ids keeps the run short (each real barman call costs ~0.5 s): newest, oldest, FAILED, kept ones.
        foreach (var id in ids.Where((_, i) => i % 3 == 0 || i == ids.Length - 1))
        {
            commands.Add(["show-backup", "pg-main", id]);
            commands.Add(["-f", "json", "show-backup", "pg-main", id]);
        }

        // Act + Assert
        Assert.Equal(12, ids.Length);
        foreach (var args in commands)
        {
            var real = Real(home, args);
            var ours = home.Run(TimeProvider.System, args);
            Assert.Equal((real.Code, real.Out, real.Err), (ours.Code, ours.Out, ours.Err));
        }
    }

    [Fact]
    public void We_read_what_the_real_barman_changed_and_it_reads_what_we_changed()
    {
        // Arrange
        using var home = WrittenByUs("retention_policy = REDUNDANCY 3");
        var ids = Real(home, "list-backup", "--minimal", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Act: the real barman keeps and deletes, we keep and delete, each side lists after the other
        var realKeep = Real(home, "keep", "pg-main", ids[2], "--target", "standalone");
        var oursAfterReal = home.Run(TimeProvider.System, "-f", "json", "list-backup", "pg-main");
        var realAfterReal = Real(home, "-f", "json", "list-backup", "pg-main");
        var oursKeep = home.Run(TimeProvider.System, "keep", "pg-main", ids[3], "--target", "full");
        var oursDelete = home.Run(TimeProvider.System, "delete", "pg-main", "oldest");
        var realAfterOurs = Real(home, "-f", "json", "list-backup", "pg-main");
        var oursAfterOurs = home.Run(TimeProvider.System, "-f", "json", "list-backup", "pg-main");

        // Assert
        Assert.Equal(0, realKeep.Code);
        Assert.Equal(realAfterReal.Out, oursAfterReal.Out);
        Assert.Contains("KEEP:STANDALONE", oursAfterReal.Out, StringComparison.Ordinal);
        Assert.Equal((0, 0), (oursKeep.Code, oursDelete.Code));
        Assert.Equal("full", File.ReadAllText(Path.Combine(home.ServerDir, "base", ids[3], "annotations", "keep")));
        Assert.Equal(realAfterOurs.Out, oursAfterOurs.Out);
        Assert.Contains("KEEP:FULL", realAfterOurs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_backup_prints_reachable_timelines_and_the_warning_as_the_real_barman_does()
    {
        // Arrange: timeline 2 forks from 1 after the 9th backup's end and timeline 3 from 2 later (its history names
        // both parents), as recover + promote leaves them; backups before the fork see both children.
        using var home = WrittenByUs("retention_policy = REDUNDANCY 3");
        var ids = Real(home, "list-backup", "--minimal", "pg-main").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var wals = Path.Combine(home.ServerDir, "wals");
        File.WriteAllText(Path.Combine(wals, "00000002.history"), "1\t0/200000A0\tno recovery target specified\n");
        File.WriteAllText(Path.Combine(wals, "00000003.history"),
            "1\t0/200000A0\tno recovery target specified\n\n2\t0/24000000\tbefore 2000-01-01 00:00:00+00\n");
        File.AppendAllText(Path.Combine(wals, "xlog.db"),
            new XlogDbEntry("00000002.history", 42, 1795561272.5, null).Format() + new XlogDbEntry("00000003.history", 84, 1795561290.5, null).Format());
        List<string[]> commands = [];
        foreach (var id in ids)
        {
            commands.Add(["show-backup", "pg-main", id]);
            commands.Add(["-f", "json", "show-backup", "pg-main", id]);
        }

        // Act + Assert
        var withTimelines = 0;
        foreach (var args in commands)
        {
            var real = Real(home, args);
            var ours = home.Run(TimeProvider.System, args);
            Assert.Equal((real.Code, real.Out, real.Err), (ours.Code, ours.Out, ours.Err));
            withTimelines += ours.Out.Contains("Reachable timelines  : 2, 3", StringComparison.Ordinal) ? 1 : 0;
        }
        Assert.InRange(withTimelines, 1, ids.Length - 1); // some backups ended before the fork, some after
    }
}
