// The `keep` verb: --status prints the keep request, --target adds one, --release removes it.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;
using Barman.Core.Retention;

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
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (!parse.GetValue(status) && !parse.GetValue(release) && parse.GetValue(target) is null)
            {
                throw new BarmanException("one of the arguments -r/--release -s/--status --target is required");
            }
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            var selector = parse.GetValue(backupId)!;
            if (parse.GetValue(status))
            {
                inv.Output.ResultStatus(KeepRequests.Status(config, selector));
            }
            else if (parse.GetValue(release))
            {
                KeepRequests.Release(config, selector);
            }
            else
            {
                KeepRequests.Keep(config, selector, parse.GetValue(target)!);
            }
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
