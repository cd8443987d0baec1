// Builds the root command: global options and every verb of Barman 3.4 (aliases included).
using System.CommandLine;
using System.CommandLine.Help;
using Barman.Cli.Hosting;

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
        Command[] verbs =
        [
            ArchiveWalCommand.Create(ctx),
            BackupCommand.Create(ctx),
            CheckCommand.Create(ctx),
            CheckBackupCommand.Create(ctx),
            CheckWalArchiveCommand.Create(ctx),
            CronCommand.Create(ctx),
            DeleteCommand.Create(ctx),
            DiagnoseCommand.Create(ctx),
            GenerateManifestCommand.Create(ctx),
            GetWalCommand.Create(ctx),
            HelpCommand.Create(ctx),
            KeepCommand.Create(ctx),
            ListBackupCommand.Create(ctx),
            ListFilesCommand.Create(ctx),
            ListServersCommand.Create(ctx),
            PutWalCommand.Create(ctx),
            RebuildXlogDbCommand.Create(ctx),
            ReceiveWalCommand.Create(ctx),
            RecoverCommand.Create(ctx),
            RestoreTestCommand.Create(ctx),
            ReplicationStatusCommand.Create(ctx),
            ShowBackupCommand.Create(ctx),
            ShowServersCommand.Create(ctx),
            StatusCommand.Create(ctx),
            SwitchWalCommand.Create(ctx),
            SyncBackupCommand.Create(ctx),
            SyncInfoCommand.Create(ctx),
            SyncWalsCommand.Create(ctx),
            VerifyBackupCommand.Create(ctx),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }
        root.SetAction(parse =>
        {
            if (parse.GetValue(GlobalOptions.Version))
            {
                ctx.Stdout.WriteLine(BarmanVersion.Line);
                return 0;
            }
            // Bare `barman` prints the help and succeeds, as barman does.
            return new HelpAction().Invoke(parse);
        });
        return root;
    }
}
