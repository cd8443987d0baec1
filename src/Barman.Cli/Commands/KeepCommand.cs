// The `keep` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class KeepCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var backupId = CommonArguments.BackupId();
        var release = new Option<bool>("--release") { Description = "remove the keep annotation" };
        var status = new Option<bool>("--status") { Description = "return the keep status of the backup" };
        var target = new Option<string?>("--target") { Description = "keep this backup with the specified recovery target" };
        target.Choices("full", "standalone");
        var command = new Command("keep", "Tag the specified backup so that it will never be deleted");
        command.Add(server);
        command.Add(backupId);
        command.Add(release);
        command.Add(status);
        command.Add(target);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("keep")));
        return command;
    }
}
