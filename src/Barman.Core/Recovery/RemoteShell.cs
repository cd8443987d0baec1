// Remote recovery transport: commands through the operator's ssh command, copies with rsync over it (as barman does).
using System.Collections.Immutable;
using System.Text;
using Barman.Core.Errors;
using Barman.Core.Processes;

namespace Barman.Core.Recovery;

/// <summary>
/// Runs shell snippets and rsync through <c>--remote-ssh-command</c> ("ssh postgres@db2"). rsync gets the whole
/// command as <c>-e</c> and an empty host (<c>:/path</c>), so the user, host and ssh options stay the operator's.
/// </summary>
public sealed class RemoteShell(string sshCommand, IProcessRunner runner)
{
    private readonly ImmutableArray<string> _argv = Split(sshCommand);

    public string Command => sshCommand;

    /// <summary>Runs <paramref name="script"/> with /bin/sh on the remote host; returns exit code and stdout.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string script, CancellationToken ct)
    {
        var (result, stdout) = await runner.CaptureAsync(new ProcessSpec(_argv[0], [.. _argv[1..], script]), ct);
        return (result.ExitCode, stdout, result.StderrTail);
    }

    /// <summary>Runs <paramref name="script"/>; a non-zero exit is a <see cref="RecoveryException"/> naming <paramref name="what"/>.</summary>
    public async Task<string> CheckedAsync(string script, string what, CancellationToken ct)
    {
        var (code, stdout, stderr) = await RunAsync(script, ct);
        return code == 0 ? stdout
            : throw new RecoveryException($"Remote command failed while {what} (exit code {code}): {stderr.Trim()}");
    }

    /// <summary>rsync -a from a local directory into a remote one; <paramref name="delete"/> gives rsync --delete semantics.</summary>
    public async Task RsyncAsync(string localDirectory, string remoteDirectory, bool delete, IEnumerable<string> excludes, int? bwlimit, CancellationToken ct)
    {
        var args = ImmutableArray.CreateBuilder<string>();
        args.AddRange("-a", "--no-owner", "--no-group", "-e", sshCommand);
        if (delete)
        {
            args.Add("--delete");
        }
        if (bwlimit is > 0)
        {
            args.Add("--bwlimit=" + bwlimit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        foreach (var exclude in excludes)
        {
            args.Add("--exclude=" + exclude);
        }
        args.Add(Path.TrimEndingDirectorySeparator(localDirectory) + "/");
        args.Add(":" + Path.TrimEndingDirectorySeparator(remoteDirectory) + "/");
        var result = await runner.RunAsync(new ProcessSpec("rsync", args.ToImmutable()), ct: ct);
        if (result.ExitCode != 0)
        {
            throw new CommandFailedException($"rsync into {remoteDirectory} failed (exit code {result.ExitCode}): {result.StderrTail.Trim()}");
        }
    }

    /// <summary>A word quoted for the remote /bin/sh.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Splits the ssh command like a shell would for plain words and quoted strings.</summary>
    private static ImmutableArray<string> Split(string command)
    {
        var words = ImmutableArray.CreateBuilder<string>();
        var current = new StringBuilder();
        char? quote = null;
        var inWord = false;
        foreach (var c in command)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(current.ToString());
        }
        return words.Count > 0 ? words.ToImmutable() : throw new RecoveryException("The --remote-ssh-command is empty");
    }
}
