// Golden files: slices of the reference transcripts kept under Golden/. BARMAN_UPDATE_GOLDEN=1 cuts them again
// from shared/reference beside the clone (BARMAN_REFERENCE overrides the location); the diff then goes through review.
using System.Runtime.CompilerServices;

namespace Barman.Cli.Tests.Support;

internal static class GoldenFiles
{
    private static readonly Lock Gate = new();
    private static bool s_updated;

    /// <summary>Each golden file: the transcript it is cut from and which chunks it keeps.</summary>
    private static readonly (string Golden, string Source, Func<string, bool> Keep)[] Cuts =
    [
        ("00-version-help.txt", "transcripts/00-version-help.txt", _ => true),
        ("00-subcommand-help.txt", "transcripts/00-subcommand-help.txt", _ => true),
        ("04-list-servers.txt", "transcripts/04-list-servers.txt", _ => true),
        ("49-usage-errors.txt", "transcripts/49-errors.txt", c => Transcript.Block(c)?.ExitCode == 2),
        ("60-backup-name-usage-errors.txt", "transcripts/60-backup-name-edge-cases.txt", c => Transcript.Block(c)?.ExitCode == 2),
        ("50-errors-config-list-servers.txt", "transcripts/50-errors-config.txt", c => c.StartsWith("# config file", StringComparison.Ordinal) || c.Contains(" list-servers\n", StringComparison.Ordinal)),
        ("00-setup.txt", "layout/00-setup.txt", c => true),
    ];

    public static string Read(string name)
    {
        UpdateIfRequested();
        return File.ReadAllText(Path.Combine(Directory(), name));
    }

    public static IReadOnlyList<TranscriptBlock> Blocks(string name) => Transcript.Blocks(Read(name));

    private static void UpdateIfRequested()
    {
        lock (Gate)
        {
            if (s_updated || Environment.GetEnvironmentVariable("BARMAN_UPDATE_GOLDEN") != "1")
            {
                return;
            }
            // shared/ sits beside the clone: <repo>/../shared/reference/barman-3.4.
            var reference = Environment.GetEnvironmentVariable("BARMAN_REFERENCE")
                ?? Path.GetFullPath(Path.Combine(Directory(), "..", "..", "..", "..", "shared", "reference", "barman-3.4"));
            foreach (var (golden, source, keep) in Cuts)
            {
                var chunks = Transcript.Chunks(File.ReadAllText(Path.Combine(reference, source)));
                File.WriteAllText(Path.Combine(Directory(), golden), string.Concat(chunks.Where(keep)));
            }
            s_updated = true;
        }
    }

    private static string Directory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "Golden");
}
