// Conninfo: libpq key=value and URI parsing, error wording, and password redaction.
using Barman.Core.Errors;
using Barman.Core.Postgres;

namespace Barman.Core.Tests.Postgres;

public sealed class ConninfoTests
{
    [Fact]
    public void Key_value_pairs_with_spaces_quotes_and_escapes_parse_as_libpq_does()
    {
        // Act
        var c = Conninfo.Parse("host=127.0.0.1  port = 54331 user=barman password='it\\'s se\\\\cret' dbname=my\\ db");

        // Assert
        Assert.Equal("127.0.0.1", c.Get("host"));
        Assert.Equal("54331", c.Get("port"));
        Assert.Equal("barman", c.Get("user"));
        Assert.Equal("my db", c.Get("dbname"));
        Assert.Equal("it's se\\cret", c.Get("password"));
    }

    [Fact]
    public void A_quoted_value_keeps_spaces_and_unescapes_quotes()
    {
        // Act
        var c = Conninfo.Parse("password='a b\\'c' user=x");

        // Assert
        Assert.Equal("a b'c", c.Get("password"));
        Assert.Equal("x", c.Get("user"));
    }

    [Fact]
    public void A_uri_is_split_into_keywords_with_percent_decoding()
    {
        // Act
        var c = Conninfo.Parse("postgresql://bar%40man:p%3Ass@db.example:5433/my%20db?sslmode=require&application_name=x");

        // Assert
        Assert.Equal("bar@man", c.Get("user"));
        Assert.Equal("p:ss", c.Get("password"));
        Assert.Equal("db.example", c.Get("host"));
        Assert.Equal("5433", c.Get("port"));
        Assert.Equal("my db", c.Get("dbname"));
        Assert.Equal("require", c.Get("sslmode"));
        Assert.Equal("x", c.Get("application_name"));
    }

    [Fact]
    public void An_ipv6_uri_host_and_the_short_scheme_are_accepted()
    {
        // Act
        var c = Conninfo.Parse("postgres://[::1]:5432/postgres");

        // Assert
        Assert.Equal("::1", c.Get("host"));
        Assert.Equal("5432", c.Get("port"));
        Assert.Equal("postgres", c.Get("dbname"));
    }

    [Theory]
    [InlineData("host=x bogus=1", "invalid connection option \"bogus\"")]
    [InlineData("host", "missing \"=\" after \"host\" in connection info string")]
    [InlineData("password='abc", "unterminated quoted string in connection info string")]
    public void Bad_strings_fail_with_libpq_wording(string text, string message)
    {
        // Act
        var e = Assert.Throws<PostgresException>(() => Conninfo.Parse(text));

        // Assert
        Assert.Equal(message, e.Message);
    }

    [Theory]
    [InlineData("host=h password=secret user=u", "host=h password=******** user=u")]
    [InlineData("host=h password='s e c' user=u", "host=h password=******** user=u")]
    [InlineData("host=h user=u", "host=h user=u")]
    [InlineData("postgresql://u:secret@h:5432/db", "postgresql://u:********@h:5432/db")]
    [InlineData("postgresql://h/db?password=secret&sslmode=require", "postgresql://h/db?password=********&sslmode=require")]
    [InlineData("host=h password='unterminated", "host=h password=********")]
    public void Redaction_never_leaves_a_password(string text, string expected)
    {
        // Act
        var redacted = Conninfo.Redact(text);

        // Assert
        Assert.Equal(expected, redacted);
        Assert.DoesNotContain("secret", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_is_redacted_and_Raw_is_unchanged()
    {
        // Arrange
        const string text = "host=h password=secret";

        // Act
        var c = Conninfo.Parse(text);

        // Assert
        Assert.Equal("host=h password=********", c.ToString());
        Assert.Equal(text, c.Raw);
    }
}
