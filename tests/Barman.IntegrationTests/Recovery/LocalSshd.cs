// A throw-away sshd on a loopback port with a throw-away key, so remote recovery runs over real ssh + rsync.
using System.Diagnostics;
using System.Globalization;
using Barman.IntegrationTests.Fixtures;

namespace Barman.IntegrationTests.Recovery;

/// <summary>sshd listening on 127.0.0.1 only, accepting one generated key for <see cref="User"/>; killed by PID on dispose.</summary>
internal sealed class LocalSshd : IDisposable
{
    private readonly Process _process;

    private LocalSshd(string root, int port, string user, Process process)
    {
        Root = root;
        Port = port;
        User = user;
        _process = process;
    }

    public string Root { get; }

    public int Port { get; }

    public string User { get; }

    /// <summary>The value for --remote-ssh-command.</summary>
    public string SshCommand =>
        $"ssh -p {Port.ToString(CultureInfo.InvariantCulture)} -i {Path.Combine(Root, "client_key")} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR {User}@127.0.0.1";

    public static async Task<LocalSshd> StartAsync(string user)
    {
        var root = Path.Combine(Path.GetTempPath(), "barman-sshd-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        TestProcess.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(root, "host_key")]);
        TestProcess.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(root, "client_key")]);
        File.Copy(Path.Combine(root, "client_key.pub"), Path.Combine(root, "authorized_keys"));
        File.SetUnixFileMode(root, (UnixFileMode)0x1ED);
        File.SetUnixFileMode(Path.Combine(root, "authorized_keys"), (UnixFileMode)0x1A4);
        Directory.CreateDirectory("/run/sshd"); // privilege separation directory sshd insists on
        // UsePAM: with it off, sshd refuses accounts without a password (postgres's is locked) even for keys.
        var port = LoopbackPorts.Next();
        var config = Path.Combine(root, "sshd_config");
        File.WriteAllText(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(root, "host_key")}
            AuthorizedKeysFile {Path.Combine(root, "authorized_keys")}
            PidFile {Path.Combine(root, "sshd.pid")}
            StrictModes no
            UsePAM yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            AllowUsers {user}

            """);
        var psi = new ProcessStartInfo("/usr/sbin/sshd") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-D", "-e", "-f", config })
        {
            psi.ArgumentList.Add(a);
        }
        var process = Process.Start(psi)!;
        var sshd = new LocalSshd(root, port, user, process);
        for (var i = 0; i < 100; i++)
        {
            if (TestProcess.Run("ssh", [.. sshd.SshCommand.Split(' ')[1..], "true"], check: false).ExitCode == 0)
            {
                return sshd;
            }
            if (process.HasExited)
            {
                break;
            }
            await Task.Delay(100);
        }
        var why = process.HasExited ? process.StandardError.ReadToEnd() : "timeout";
        sshd.Dispose();
        throw new InvalidOperationException("sshd did not accept the test key: " + why);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
