// Tests of IniDocument against what Python's configparser (as barman configures it) accepts and produces.
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Core.Tests.Configuration;

public sealed class IniDocumentTests
{
    private static Dictionary<string, string> Keys(string text, string section = "s") =>
        IniDocument.Parse("/etc/x.conf", text).Sections.Single(s => s.Name == section).Keys.ToDictionary(k => k.Key, k => k.Value);

    [Fact]
    public void Whole_line_comments_are_skipped_but_an_inline_semicolon_is_kept()
    {
        var keys = Keys("[s]\n; comment\n# comment\n    ; indented comment\nconninfo = host=x ; not a comment\nb = 1 # kept too\n");
        Assert.Equal(new Dictionary<string, string> { ["conninfo"] = "host=x ; not a comment", ["b"] = "1 # kept too" }, keys);
    }

    [Fact]
    public void Colon_and_equals_both_assign_and_the_first_one_ends_the_key()
    {
        var keys = Keys("[s]\nminimum_redundancy: 2\nconninfo = host=a port=5\nssh_command: ssh -o A=B x\n");
        Assert.Equal("2", keys["minimum_redundancy"]);
        Assert.Equal("host=a port=5", keys["conninfo"]);
        Assert.Equal("ssh -o A=B x", keys["ssh_command"]);
    }

    [Fact]
    public void Indented_lines_continue_the_value_with_newlines()
    {
        var keys = Keys("[s]\nfilter = first\n  second line\n\tthird\nnext = 1\n");
        Assert.Equal("first\nsecond line\nthird", keys["filter"]);
        Assert.Equal("1", keys["next"]);
    }

    [Fact]
    public void A_blank_line_inside_a_continued_value_is_kept_and_trailing_blanks_are_trimmed()
    {
        var keys = Keys("[s]\nv = a\n\n  b\n\n");
        Assert.Equal("a\n\nb", keys["v"]);
    }

    [Fact]
    public void Keys_are_lower_cased_values_and_section_names_keep_their_case()
    {
        var doc = IniDocument.Parse("/x", "[PG-Main]\nStreaming_Archiver_Name = MixedCase\n");
        Assert.Equal("PG-Main", doc.Sections[0].Name);
        Assert.Equal(new KeyValuePair<string, string>("streaming_archiver_name", "MixedCase"), doc.Sections[0].Keys[0]);
    }

    [Fact]
    public void A_duplicate_key_keeps_the_last_value_and_a_repeated_section_merges()
    {
        var doc = IniDocument.Parse("/x", "[s]\na = 1\nb = 2\n[t]\nc = 3\n[s]\na = 4\n");
        Assert.Equal(2, doc.Sections.Length);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["a"] = "4" }, Keys("[s]\na = 1\nb = 2\n[t]\nc = 3\n[s]\na = 4\n"));
    }

    [Fact]
    public void Empty_values_and_crlf_line_ends_are_read()
    {
        var keys = Keys("[s]\r\nempty =\r\nx = 1\r\n");
        Assert.Equal(new Dictionary<string, string> { ["empty"] = string.Empty, ["x"] = "1" }, keys);
    }

    [Fact]
    public void A_line_without_delimiter_is_one_error_line_naming_file_and_line()
    {
        var e = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("/srv/bad.conf", "[s]\na = 1\nthis line has no equals sign\n"));
        Assert.Equal("Source contains parsing errors: '/srv/bad.conf' [line 3]: 'this line has no equals sign'", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Every_bad_line_is_listed_and_an_empty_key_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("/x", "[s]\nbad one\n= value\n"));
        Assert.Equal("Source contains parsing errors: '/x' [line 2]: 'bad one' [line 3]: '= value'", e.Message);
    }

    [Fact]
    public void A_key_before_any_section_is_an_error()
    {
        var e = Assert.Throws<ConfigurationException>(() => IniDocument.Parse("/x", "# header\nkey = value\n"));
        Assert.Equal("File contains no section headers. file: '/x', line: 2: 'key = value'", e.Message);
    }

    [Fact]
    public void A_section_header_ignores_text_after_the_closing_bracket()
    {
        var doc = IniDocument.Parse("/x", "[pg-a] trailing\nk = v\n");
        Assert.Equal("pg-a", doc.Sections[0].Name);
    }
}
