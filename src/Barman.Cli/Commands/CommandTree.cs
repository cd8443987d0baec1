// Builds the root command: global options and every verb of Barman 3.4 (aliases included).
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Help;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Commands;

/// <summary>One verb: its names (known without building it) and how to build it.</summary>
internal sealed record VerbSpec(string Name, ImmutableArray<string> Aliases, bool Hidden, Func<CliContext, Command> Create);

internal static class CommandTree
{
    /// <summary>
    /// Every verb in barman's declaration order: its "invalid choice" message lists the verbs (then each alias) in
    /// this order. Names are declared here as well as in each verb's file so that a command line builds only the verb
    /// it names (<see cref="Create"/> checks both agree): building all of them was a third of the start-up time.
    /// </summary>
    public static readonly ImmutableArray<VerbSpec> Verbs =
    [
        new("help", [], false, HelpCommand.Create),
        new("list-servers", ["list-server"], false, ListServersCommand.Create),
        new("cron", [], false, CronCommand.Create),
        new("backup", [], false, BackupCommand.Create),
        new("list-backups", ["list-backup"], false, ListBackupCommand.Create),
        new("status", [], false, StatusCommand.Create),
        new("replication-status", [], false, ReplicationStatusCommand.Create),
        new("rebuild-xlogdb", [], false, RebuildXlogDbCommand.Create),
        new("recover", [], false, RecoverCommand.Create),
        new("show-servers", ["show-server"], false, ShowServersCommand.Create),
        new("switch-wal", ["switch-xlog"], false, SwitchWalCommand.Create),
        new("check", [], false, CheckCommand.Create),
        new("diagnose", [], false, DiagnoseCommand.Create),
        new("sync-info", [], false, SyncInfoCommand.Create),
        new("sync-backup", [], false, SyncBackupCommand.Create),
        new("sync-wals", [], false, SyncWalsCommand.Create),
        new("show-backup", ["show-backups"], false, ShowBackupCommand.Create),
        new("list-files", [], false, ListFilesCommand.Create),
        new("delete", [], false, DeleteCommand.Create),
        new("get-wal", [], false, GetWalCommand.Create),
        new("put-wal", [], false, PutWalCommand.Create),
        new("archive-wal", [], false, ArchiveWalCommand.Create),
        new("receive-wal", [], false, ReceiveWalCommand.Create),
        new("check-backup", [], false, CheckBackupCommand.Create),
        new("verify-backup", ["verify"], false, VerifyBackupCommand.Create),
        new("generate-manifest", [], false, GenerateManifestCommand.Create),
        new("keep", [], false, KeepCommand.Create),
        new("check-wal-archive", [], false, CheckWalArchiveCommand.Create),

        // Our extensions, hidden from barman's usage and help lists.
        new("restore-test", [], true, RestoreTestCommand.Create),
    ];

    /// <summary>The whole tree: the root and every verb (shell completion, help and the docs walk all of it).</summary>
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand(Description);
        // Our own -v/--version prints barman's version line; drop System.CommandLine's.
        foreach (var builtIn in root.Options.Where(o => o is VersionOption).ToList())
        {
            root.Options.Remove(builtIn);
        }
        AddGlobalOptions(root);
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(Create(verb, ctx));
        }
        root.SetAction(parse =>
        {
            if (parse.GetValue(GlobalOptions.Version))
            {
                ctx.Stdout.WriteLine(BarmanVersion.Line);
                return 0;
            }
            // Bare `barman` prints the help and succeeds, as barman does.
            ctx.Stdout.Write(ArgparseUsage.Help(root, null));
            return 0;
        });
        return root;
    }

    /// <summary>
    /// The root a command line is run with: the global options and no verb yet (see
    /// <see cref="ArgparseUsage.LazyModel"/>). A plain command, not a RootCommand: our argparse front end handles -h
    /// and -v, and RootCommand's own help and version options cost a tenth of the start-up in resource lookups.
    /// </summary>
    public static Command Root()
    {
        var root = new Command("barman", Description);
        AddGlobalOptions(root);
        return root;
    }

    private const string Description = "Barman for .NET: backup and recovery manager for PostgreSQL";

    private static void AddGlobalOptions(Command root)
    {
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }
    }

    /// <summary>Builds one verb; its names must be the ones <see cref="Verbs"/> declares.</summary>
    public static Command Create(VerbSpec verb, CliContext ctx)
    {
        var command = verb.Create(ctx);
        if (command.Name != verb.Name || !command.Aliases.SequenceEqual(verb.Aliases) || command.Hidden != verb.Hidden)
        {
            throw new InvalidOperationException($"verb '{command.Name}' does not match its entry '{verb.Name}' in CommandTree.Verbs");
        }
        if (verb.Name == "help")
        {
            // `barman help VERB` (our extension) accepts the verbs and their aliases.
            command.Arguments[0].Choices([.. Verbs.SelectMany(v => v.Aliases.Prepend(v.Name))]);
        }
        return command;
    }
}
