// get-wal (--test, --peek, names, -o) and put-wal --test against the real barman 3.4 on the same archive: byte-equal.
using System.Diagnostics;
using Barman.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Barman.IntegrationTests.Wal;

public sealed class GetPutWalOracleTests : IDisposable
{
    private const string RealBarman = "/usr/bin/barman";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "wal-oracle-" + Guid.NewGuid().ToString("N")[..12]);

    public GetPutWalOracleTests()
    {
        // An archive with a gap (06), a log boundary (0xFF -> next log), a history file, a backup label,
        // one segment waiting in incoming/ and a .partial in streaming/.
        var wals = Path.Combine(_root, "home", "pg", "wals");
        foreach (var seg in new[] { "01", "02", "03", "04", "05", "07", "FE", "FF" })
        {
            Put(Path.Combine(wals, "0000000100000000", "0000000100000000000000" + seg), 100);
        }
        Put(Path.Combine(wals, "0000000100000001", "000000010000000100000000"), 60);
        Put(Path.Combine(wals, "0000000100000000", "000000010000000000000003.00000028.backup"), 20);
        Put(Path.Combine(wals, "00000002.history"), 30);
        Put(Path.Combine(wals, "0000000200000000", "000000020000000000000005"), 100);
        Put(Path.Combine(_root, "home", "pg", "incoming", "000000010000000000000008"), 50);
        Put(Path.Combine(_root, "home", "pg", "streaming", "000000010000000000000009.partial"), 50);
        File.WriteAllText(Path.Combine(_root, "barman.conf"), $"""
            [barman]
            barman_home = {_root}/home
            barman_user = root
            log_file = {_root}/barman.log
            [pg]
            description = oracle
            conninfo = host=127.0.0.1 port=1 user=postgres dbname=postgres
            backup_method = postgres
            archiver = on

            """);
    }

    [Theory]
    [InlineData("put-wal --test pg")]
    [InlineData("-f json put-wal -t pg")]
    [InlineData("-q put-wal --test pg")]
    [InlineData("put-wal --test nosuch")]
    [InlineData("get-wal --test pg 000000010000000000000001")]
    [InlineData("get-wal --test pg not-a-wal")]
    [InlineData("-f json get-wal -t pg 000000010000000000000001")]
    [InlineData("get-wal --test nosuch 000000010000000000000001")]
    [InlineData("get-wal --peek 3 pg 000000010000000000000001")]
    [InlineData("get-wal --peek 10 pg 000000010000000000000002")]
    [InlineData("get-wal --peek 1 pg 000000010000000000000006")]
    [InlineData("get-wal --peek 5 pg 0000000100000000000000FE")]
    [InlineData("get-wal --peek 5 pg 0000000100000000000000fe")]
    [InlineData("get-wal --peek 3 pg 000000010000000000000007")]
    [InlineData("get-wal --peek 3 pg 00000002.history")]
    [InlineData("get-wal --peek 3 pg 00000003.history")]
    [InlineData("get-wal --peek 3 pg 000000010000000000000003.00000028.backup")]
    [InlineData("get-wal --peek 2 pg 000000010000000000000009.partial")]
    [InlineData("get-wal --peek 2 pg 000000010000000000000002.partial")]
    [InlineData("get-wal --peek 2 pg 000000020000000000000004")]
    [InlineData("get-wal --peek 3 pg foo")]
    [InlineData("-f json get-wal --peek 3 pg 000000010000000000000001")]
    [InlineData("get-wal --peek 0 pg 000000010000000000000001")]
    [InlineData("get-wal pg foo")]
    [InlineData("-f json get-wal pg 00000001000000000000000G")]
    [InlineData("get-wal pg 000000010000000000000006")]
    [InlineData("get-wal -P pg 000000010000000000000006")]
    [InlineData("get-wal -o OUT pg 000000010000000000000001")]
    [InlineData("get-wal -o OUT pg 00000002.history")]
    [InlineData("get-wal -o OUT pg 000000010000000000000008")]
    [InlineData("get-wal -o OUT pg 000000010000000000000009")]
    [InlineData("get-wal -o OUT -P pg 000000010000000000000009")]
    [InlineData("get-wal -o OUT/missing pg 000000010000000000000001")]
    public void Output_exit_code_and_written_files_equal_the_real_barman(string commandLine)
    {
        // Arrange
        var outDir = Path.Combine(_root, "out");
        var args = commandLine.Replace("OUT", outDir, StringComparison.Ordinal).Split(' ');

        // Act
        Directory.CreateDirectory(outDir);
        var real = RunReal(args);
        var realFiles = Listing(outDir);
        Directory.Delete(outDir, recursive: true);
        Directory.CreateDirectory(outDir);
        var ours = RunOurs(args);
        var ourFiles = Listing(outDir);

        // Assert
        Assert.Equal(real, ours);
        Assert.Equal(realFiles, ourFiles);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void Put(string path, int size)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [.. Enumerable.Range(0, size).Select(i => (byte)(i * 7))]);
    }

    // Name, size and content of every file the command left in the output directory.
    private static string Listing(string dir) =>
        string.Join('\n', Directory.GetFiles(dir).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(File.ReadAllBytes(f))}"));

    private (int Code, string Out, string Err) RunReal(string[] args)
    {
        var psi = new ProcessStartInfo(RealBarman) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in (string[])["-c", Path.Combine(_root, "barman.conf"), .. args])
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    private (int Code, string Out, string Err) RunOurs(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(["-c", Path.Combine(_root, "barman.conf"), .. args], stdout, stderr, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
