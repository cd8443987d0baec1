// The .deb installs like Debian's barman (user, directories, config, cron), runs, and remove/purge leave nothing of ours.
namespace Barman.IntegrationTests.Packaging;

public sealed class DebPackageTests(DebLifecycleRun run) : IClassFixture<DebLifecycleRun>
{
    // The oracle: the passwd entry Debian's barman postinst creates (uid and gid vary from machine to machine).
    private const string DebianPasswdEntry = "barman:x:UID:GID:Backup and Recovery Manager for PostgreSQL,,,:/var/lib/barman:/bin/bash";

    private static readonly string[] InstalledPaths = ["/usr/bin/barman", "/etc/barman.conf", "/etc/cron.d/barman", "/var/lib/barman", "/var/log/barman"];

    [Fact]
    public void Install_creates_the_barman_system_user_as_the_Debian_package_does()
    {
        // Arrange
        var fields = run.Fact("install.passwd").Split(':');

        // Act
        var normalised = string.Join(':', fields.Select((f, i) => i switch { 2 => "UID", 3 => "GID", _ => f }));

        // Assert
        Assert.Equal(0, int.Parse(run.Fact("install.rc"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DebianPasswdEntry, normalised);
        Assert.InRange(int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), 100, 999); // a system uid
        Assert.StartsWith($"barman:x:{fields[3]}:", run.Fact("install.group"), StringComparison.Ordinal);
    }

    [Fact]
    public void Install_puts_binary_config_cron_and_directories_in_place_with_barman_owners()
    {
        Assert.Equal("755 root:root", run.Fact("install.meta:/usr/bin/barman"));
        Assert.Equal("640 root:barman", run.Fact("install.meta:/etc/barman.conf"));
        Assert.Equal("755 root:root", run.Fact("install.meta:/etc/barman.d"));
        Assert.Equal("644 root:root", run.Fact("install.meta:/etc/cron.d/barman"));
        Assert.Equal("750 barman:barman", run.Fact("install.meta:/var/lib/barman"));
        Assert.Equal("750 barman:barman", run.Fact("install.meta:/var/log/barman"));
        Assert.Equal("644 root:root", run.Fact("install.completion"));
        // Every cron line runs the packaged binary, not the /usr/local one install.sh puts.
        Assert.Equal("/usr/bin/barman ", run.Fact("install.cron-binaries"));
    }

    [Fact]
    public void The_installed_barman_runs_and_the_barman_user_can_read_its_configuration()
    {
        Assert.Equal("rc=0 " + Barman.Cli.Hosting.BarmanVersion.Line, run.Fact("install.version"));
        // barman_user = barman in /etc/barman.conf: as that user, list-servers loads the (empty) configuration.
        Assert.Equal("rc=0", run.Fact("install.list-servers-as-barman"));
    }

    [Fact]
    public void The_packaged_bash_completion_asks_the_installed_binary()
    {
        Assert.Equal("list-backup list-backups list-files list-server list-servers", run.Fact("install.bash-complete"));
    }

    [Fact]
    public void Remove_takes_the_binary_and_keeps_conffiles_user_and_catalog_as_dpkg_does()
    {
        Assert.Equal("0", run.Fact("remove.rc"));
        Assert.Equal("absent", run.Fact("remove.meta:/usr/bin/barman"));
        Assert.Equal("640 root:barman", run.Fact("remove.meta:/etc/barman.conf"));
        Assert.Equal("644 root:root", run.Fact("remove.meta:/etc/cron.d/barman"));
        Assert.Equal("750 barman:barman", run.Fact("remove.meta:/var/lib/barman"));
        Assert.Equal(run.Fact("install.passwd"), run.Fact("remove.passwd"));
    }

    [Fact]
    public void Purge_removes_user_group_files_and_directories()
    {
        Assert.Equal("0", run.Fact("purge.rc"));
        Assert.Equal("absent", run.Fact("purge.passwd"));
        Assert.Equal("absent", run.Fact("purge.group"));
        Assert.Contains("no packages found matching barman-dotnet", run.Fact("purge.status"), StringComparison.Ordinal);
        Assert.All(InstalledPaths, p => Assert.Equal("absent", run.Fact("purge.meta:" + p)));
    }

    [Fact]
    public void After_purge_the_root_differs_only_in_dpkg_bookkeeping()
    {
        // The footprint is the upper layer of an overlay laid over the root just before install: every file that
        // install, remove and purge left created, changed or deleted (/etc/passwd and /etc/group must be back as they were).
        var leftovers = run.Footprint.Where(f => !IsBookkeeping(f.Path)).Select(f => $"{f.Kind} {f.Path}").ToList();

        Assert.Empty(leftovers);
    }

    private static bool IsBookkeeping(string path) =>
        path.StartsWith("/var/lib/dpkg/", StringComparison.Ordinal) // dpkg's status database and its backup
        || path == "/var/log/dpkg.log"
        || path == "/etc/.pwd.lock"
        // shadow-utils keep the previous account files as NAME- on every change (the Debian barman purge does too).
        || path is "/etc/passwd-" or "/etc/group-" or "/etc/shadow-" or "/etc/gshadow-";
}
