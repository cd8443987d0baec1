// Builds the root command: global options and every verb of Barman 3.4 (aliases included).
using System.CommandLine;
using System.CommandLine.Help;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Commands;

internal static class CommandTree
{
    public static RootCommand Build(CliContext ctx)
    {
        var root = new RootCommand("Barman for .NET: backup and recovery manager for PostgreSQL");
        // Our own -v/--version prints barman's version line; drop System.CommandLine's.
        foreach (var builtIn in root.Options.Where(o => o is VersionOption).ToList())
        {
            root.Options.Remove(builtIn);
        }
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }
        // Barman's declaration order: its "invalid choice" message lists the verbs (then each alias) in this order.
        Command[] verbs =
        [
            HelpCommand.Create(ctx),
            ListServersCommand.Create(ctx),
            CronCommand.Create(ctx),
            BackupCommand.Create(ctx),
            ListBackupCommand.Create(ctx),
            StatusCommand.Create(ctx),
            ReplicationStatusCommand.Create(ctx),
            RebuildXlogDbCommand.Create(ctx),
            RecoverCommand.Create(ctx),
            ShowServersCommand.Create(ctx),
            SwitchWalCommand.Create(ctx),
            CheckCommand.Create(ctx),
            DiagnoseCommand.Create(ctx),
            SyncInfoCommand.Create(ctx),
            SyncBackupCommand.Create(ctx),
            SyncWalsCommand.Create(ctx),
            ShowBackupCommand.Create(ctx),
            ListFilesCommand.Create(ctx),
            DeleteCommand.Create(ctx),
            GetWalCommand.Create(ctx),
            PutWalCommand.Create(ctx),
            ArchiveWalCommand.Create(ctx),
            ReceiveWalCommand.Create(ctx),
            CheckBackupCommand.Create(ctx),
            VerifyBackupCommand.Create(ctx),
            GenerateManifestCommand.Create(ctx),
            KeepCommand.Create(ctx),
            CheckWalArchiveCommand.Create(ctx),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }
        // `barman help VERB` (our extension) accepts the verbs and their aliases.
        verbs[0].Arguments[0].Choices([.. verbs.SelectMany(v => v.Aliases.Prepend(v.Name))]);
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
}
