// Runs a system compression tool (gzip, bzip2, zstd, lz4) as a filter: bytes on stdin, bytes back from stdout.
using System.Diagnostics;

namespace Barman.Core.Tests.Compression;

internal static class ExternalTool
{
    /// <summary>Pipes <paramref name="input"/> through <c>tool[0] tool[1..]</c>; fails the test when it exits non-zero.</summary>
    public static byte[] Filter(string[] tool, byte[] input)
    {
        var psi = new ProcessStartInfo(tool[0]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in tool.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }
        using var p = Process.Start(psi)!;
        var output = new MemoryStream();
        var reader = p.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = p.StandardError.ReadToEndAsync();
        p.StandardInput.BaseStream.Write(input);
        p.StandardInput.Close();
        reader.GetAwaiter().GetResult();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{string.Join(' ', tool)} failed: {errors.Result}");
        return output.ToArray();
    }
}
