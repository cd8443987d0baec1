// What the argparse engine hands to System.CommandLine: one canonical command line that binds to the declared options.
using System.CommandLine;
using Barman.Cli.Commands;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class ArgparseEngineTests
{
    private static (RootCommand Root, ArgparseOutcome Outcome) Parse(params string[] args)
    {
        var root = CommandTree.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System));
        return (root, ArgparseEngine.Parse(ArgparseUsage.Model(root), args));
    }

    private static ParseResult Bind(params string[] args)
    {
        var (root, outcome) = Parse(args);
        var parsed = Assert.IsType<ArgparseOutcome.Parsed>(outcome);
        var result = root.Parse(parsed.CanonicalArgs, new ParserConfiguration { ResponseFileTokenReplacer = null });
        Assert.Empty(result.Errors);
        return result;
    }

    [Fact]
    public void Options_become_long_names_with_values_and_positionals_follow_a_double_dash()
    {
        var (_, outcome) = Parse("-qc", "/etc/b.conf", "recover", "-j2", "pg", "--target-time", "2026-11-24 23:03:29", "latest", "/d", "--tablespace", "a:/x", "--tablespace=b:/y");
        var parsed = Assert.IsType<ArgparseOutcome.Parsed>(outcome);
        Assert.Equal(
            ["--config=/etc/b.conf", "--quiet", "recover", "--target-time=2026-11-24 23:03:29", "--tablespace=a:/x", "--tablespace=b:/y", "--jobs=2", "--", "pg", "latest", "/d"],
            parsed.CanonicalArgs.ToArray());
        Assert.Equal("recover", parsed.Verb!.Name);
    }

    [Fact]
    public void Values_bind_to_the_declared_options()
    {
        var result = Bind("-f", "json", "recover", "pg", "latest", "/d", "--target-xid", "-5", "--tablespace", "a:/x", "--tablespace", "b:/y", "--remote-ssh-command", "@ssh -p 22");
        Assert.Equal("json", result.GetValue(GlobalOptions.Format));
        Assert.Equal("-5", result.GetValue<string?>("--target-xid"));
        Assert.Equal(["a:/x", "b:/y"], result.GetValue<string[]>("--tablespace")!);
        Assert.Equal("@ssh -p 22", result.GetValue<string?>("--remote-ssh-command"));
        Assert.Equal("/d", result.GetValue<string>("destination_directory"));
    }

    [Fact]
    public void The_last_occurrence_of_an_option_wins_as_in_argparse()
    {
        var result = Bind("list-files", "pg", "latest", "--target", "wal", "--target", "data");
        Assert.Equal("data", result.GetValue<string>("--target"));
    }

    [Fact]
    public void An_omitted_optional_value_takes_its_constant_and_abbreviations_expand()
    {
        var result = Bind("backup", "--reuse", "--imm", "--", "pg");
        Assert.Equal("link", result.GetValue<string?>("--reuse-backup"));
        Assert.True(result.GetValue<bool>("--immediate-checkpoint"));
        Assert.Equal("pg", Assert.Single(result.GetValue<string[]>("server_name")!));
    }

    [Fact]
    public void Integers_are_passed_on_in_canonical_form()
    {
        var result = Bind("backup", "--retry-times", " +1_0 ", "pg");
        Assert.Equal(10, result.GetValue<int?>("--retry-times"));
    }

    [Fact]
    public void Help_and_version_stop_the_parse_where_they_appear()
    {
        Assert.IsType<ArgparseOutcome.Version>(Parse("-v", "bogus").Outcome);
        var help = Assert.IsType<ArgparseOutcome.Help>(Parse("backup", "-h", "--bogus").Outcome);
        Assert.Equal("barman backup", help.Parser.Prog);
        var error = Assert.IsType<ArgparseOutcome.Error>(Parse("backup", "--jobs", "0", "-h").Outcome);
        Assert.Equal("argument --jobs/-j: '0' is not a valid positive integer", error.Message);
    }

    [Fact]
    public void No_verb_is_accepted_so_that_bare_barman_prints_help()
    {
        var parsed = Assert.IsType<ArgparseOutcome.Parsed>(Parse("-q").Outcome);
        Assert.Null(parsed.Verb);
        Assert.Equal(0, CliRunner.Ours().ExitCode);
    }
}
