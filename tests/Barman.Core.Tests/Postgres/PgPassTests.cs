// PgPass and ConnectionSettings: libpq's password sources and defaults.
using Barman.Core.Postgres;

namespace Barman.Core.Tests.Postgres;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PgPassTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pgpass-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var path = Path.Combine(_dir, ".pgpass");
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, mode);
        return path;
    }

    [Fact]
    public void The_first_matching_line_wins_and_wildcards_match_anything()
    {
        // Arrange
        var path = Write("# comment\nother:5432:*:barman:nope\n127.0.0.1:54331:*:barman:first\n*:*:*:*:fallback\n");

        // Act / Assert
        Assert.Equal("first", PgPass.Lookup(path, "127.0.0.1", "54331", "postgres", "barman"));
        Assert.Equal("fallback", PgPass.Lookup(path, "127.0.0.1", "5432", "postgres", "barman"));
    }

    [Fact]
    public void Escaped_colons_and_backslashes_are_unescaped_and_a_socket_matches_localhost()
    {
        // Arrange
        var path = Write("localhost:5432:db\\:1:u:pa\\:ss\\\\word:x\n");

        // Act
        var password = PgPass.Lookup(path, "/var/run/postgresql", "5432", "db:1", "u");

        // Assert
        Assert.Equal("pa:ss\\word:x", password);
    }

    [Fact]
    public void A_file_readable_by_others_is_ignored_with_a_warning()
    {
        // Arrange
        var path = Write("*:*:*:*:secret\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var warnings = new List<string>();

        // Act
        var password = PgPass.Lookup(path, "h", "5432", "d", "u", warnings.Add);

        // Assert
        Assert.Null(password);
        Assert.Single(warnings);
        Assert.Contains("has group or world access", warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_take_password_from_conninfo_then_PGPASSWORD_then_the_passfile()
    {
        // Arrange
        var path = Write("*:*:*:*:from-file\n");
        var env = new Dictionary<string, string?> { ["PGPASSFILE"] = path, ["HOME"] = _dir };

        // Act
        var fromConninfo = ConnectionSettings.ToNpgsql(Conninfo.Parse("host=h password=inline"), k => env.GetValueOrDefault(k), "root", "barman");
        var fromFile = ConnectionSettings.ToNpgsql(Conninfo.Parse("host=h"), k => env.GetValueOrDefault(k), "root", "barman");
        env["PGPASSWORD"] = "from-env";
        var fromEnv = ConnectionSettings.ToNpgsql(Conninfo.Parse("host=h"), k => env.GetValueOrDefault(k), "root", "barman");

        // Assert
        Assert.Equal("inline", fromConninfo.Password);
        Assert.Equal("from-file", fromFile.Password);
        Assert.Equal("from-env", fromEnv.Password);
    }

    [Fact]
    public void Missing_parameters_fall_back_to_PG_variables_then_libpq_defaults()
    {
        // Arrange
        var env = new Dictionary<string, string?> { ["PGPORT"] = "6543", ["HOME"] = _dir };

        // Act
        var s = ConnectionSettings.ToNpgsql(Conninfo.Parse("user=barman"), k => env.GetValueOrDefault(k), "root", "barman");

        // Assert
        Assert.Equal(ConnectionSettings.DefaultSocketDirectory, s.Host);
        Assert.Equal(6543, s.Port);
        Assert.Equal("barman", s.Username);
        Assert.Equal("barman", s.Database);
        Assert.Null(s.Password);
    }
}
