// Guards on the verb declarations: argparse (not System.CommandLine) must see every choice and number check,
// or a bad value would get .NET's message instead of barman's usage error.
using System.CommandLine;
using Barman.Cli.Commands;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class DeclarationTests
{
    private static IEnumerable<(Command Command, Option Option)> AllOptions()
    {
        var root = CommandTree.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System));
        return root.Options.Select(o => ((Command)root, o)).Concat(root.Subcommands.SelectMany(c => c.Options.Select(o => (c, o))));
    }

    [Fact]
    public void Choices_and_value_checks_are_declared_the_argparse_way()
    {
        // A System.CommandLine validator is only harmless behind an argparse check, which reports first.
        var offenders = AllOptions()
            .Where(p => p.Option.Validators.Count > 0 && ArgparseMeta.Of(p.Option) is { Choices: null, Type: null })
            .Select(p => $"{p.Command.Name} {p.Option.Name}").ToList();
        Assert.True(offenders.Count == 0, "use .Choices(...) / .Checked(...) from Hosting/Argparse instead of System.CommandLine validators: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Numeric_options_declare_barmans_check()
    {
        var numeric = new[] { typeof(int), typeof(int?), typeof(long), typeof(long?) };
        var offenders = AllOptions().Where(p => numeric.Contains(p.Option.ValueType) && ArgparseMeta.Of(p.Option).Type is null)
            .Select(p => $"{p.Command.Name} {p.Option.Name}").ToList();
        Assert.True(offenders.Count == 0, "declare .Checked(ArgTypes.NonNegative|Positive) on: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Verbs_are_declared_in_barmans_order_with_its_aliases()
    {
        var root = CommandTree.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System));
        var names = root.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name));
        // transcript 49: the "invalid choice" list of `barman nosuchcommand` (hidden extension verbs are not in it).
        Assert.Equal(
            "help, list-servers, list-server, cron, backup, list-backups, list-backup, status, replication-status, rebuild-xlogdb, recover, "
            + "show-servers, show-server, switch-wal, switch-xlog, check, diagnose, sync-info, sync-backup, sync-wals, show-backup, show-backups, "
            + "list-files, delete, get-wal, put-wal, archive-wal, receive-wal, check-backup, verify-backup, verify, generate-manifest, keep, check-wal-archive",
            string.Join(", ", names));
    }

    [Theory]
    [InlineData("Diagnostic command (for support and problems detection purpose). Exit codes: 0 success, 2 usage error", "Diagnostic command (for support and problems detection purpose)", "Exit codes: 0 success, 2 usage error")]
    [InlineData("Delete a backup", "Delete a backup", null)]
    public void Exit_codes_in_a_description_move_to_the_end_of_the_help(string declared, string description, string? exitCodes)
    {
        Assert.Equal((description, exitCodes), ArgparseModelBuilder.SplitExitCodes(declared));
    }
}
