// Shared helpers of the check/status integration tests: golden files, catalog files, in-process CLI runs, the real barman.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Checks;

/// <summary>Runs our CLI in-process and the installed barman as an oracle, and writes catalog files as the reference lays them out.</summary>
internal static partial class CheckTestSupport
{
    public const string RealBarman = "/usr/bin/barman";

    /// <summary>Expected output cut from the reference transcripts (tests/Barman.Cli.Tests/Checks/Golden).</summary>
    public static string Golden(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Barman.Cli.Tests", "Checks", "Golden", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }
        throw new FileNotFoundException(name);
    }

    /// <summary>Our barman, in-process.</summary>
    public static (int Code, string Stdout, string Stderr) Ours(BarmanHome home, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Barman.Cli.Program.Run(["-c", home.ConfigFile, .. args], stdout, stderr, TimeProvider.System);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The real barman 3.4 on the same configuration (barman_user = root).</summary>
    public static (int Code, string Stdout, string Stderr) Real(BarmanHome home, params string[] args)
    {
        // Read the streams whole: the output has no trailing newline in JSON mode, and that must stay visible.
        var psi = new ProcessStartInfo(RealBarman)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { "-c", home.ConfigFile }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    /// <summary>Writes a complete base/&lt;id&gt;/backup.info in the reference's shape (layout/03).</summary>
    public static void AddBackup(BarmanHome home, string id, long size, string beginWal, string endWal, string status = "DONE")
    {
        var dir = Path.Combine(home.ServerDir, "base", id);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "backup.info"), $$"""
            backup_label='START WAL LOCATION: 0/11000028 (file {{beginWal}})\nCHECKPOINT LOCATION: 0/11000060\nBACKUP METHOD: streamed\nBACKUP FROM: primary\nSTART TIME: 2026-11-24 23:01:53 UTC\nLABEL: pg_basebackup base backup\nSTART TIMELINE: 1\n'
            begin_offset=40
            begin_time=2026-11-24 23:01:53.284929+00:00
            begin_wal={{beginWal}}
            begin_xlog=0/11000028
            compression=None
            config_file=/srv/ref/pg/main/postgresql.conf
            copy_stats={'copy_time': 1.282925, 'total_time': 1.282925}
            deduplicated_size={{size}}
            end_offset=0
            end_time=2026-11-24 23:01:54.573840+00:00
            end_wal={{endWal}}
            end_xlog=0/12000000
            error=None
            hba_file=/srv/ref/pg/main/pg_hba.conf
            ident_file=/srv/ref/pg/main/pg_ident.conf
            included_files=None
            mode=postgres
            pgdata=/srv/ref/pg/main
            server_name=pg-main
            size={{size}}
            status={{status}}
            systemid=7711876488350017302
            tablespaces=None
            timeline=1
            version=150018
            xlog_segment_size=16777216

            """);
    }

    /// <summary>Writes wals/xlog.db lines (name, size), as archive-wal records them.</summary>
    public static void WriteXlogDb(BarmanHome home, params (string Name, long Size)[] entries)
    {
        var dir = Path.Combine(home.ServerDir, "wals");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "xlog.db"), string.Concat(entries.Select(e => $"{e.Name}\t{e.Size}\t1795561312.9438105\tgzip\n")));
    }

    /// <summary>identity.json as the first backup writes it.</summary>
    public static void WriteIdentity(BarmanHome home, string systemId) =>
        File.WriteAllText(Path.Combine(home.ServerDir, "identity.json"), $"{{\n    \"systemid\": \"{systemId}\",\n    \"version\": \"15\"\n}}");

    /// <summary>Masks values that differ between two runs a second apart (rates, times, data size).</summary>
    public static string MaskVolatile(string text) => Volatile().Replace(text, m => m.Groups[1].Value + "<volatile>");

    [GeneratedRegex(@"((?:current_archived_wals_per_second|Server WAL archiving rate|timestamp|current_size|Current data size)\W+)[^\n,]*")]
    private static partial Regex Volatile();

    /// <summary>Starts pg_receivewal on the slot (the streaming client barman's receive-wal runs); killed by PID on dispose.</summary>
    public static Process StartReceiveWal(PostgresCluster cluster, string directory, string slot)
    {
        Directory.CreateDirectory(directory);
        var psi = new ProcessStartInfo(PostgresCluster.Bin("pg_receivewal"))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[]
        {
            $"--dbname=host=127.0.0.1 port={cluster.Port} user=streaming_barman application_name=barman_receive_wal",
            "--no-loop", "--no-password", $"--directory={directory}", $"--slot={slot}",
        })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }
}
