// The `check` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class CheckCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server names to check ('all' will check all available servers)");
        var nagios = new Option<bool>("--nagios") { Description = "Nagios plugin compatible output" };
        var retentionPolicy = new Option<bool>("--retention-policy") { Description = "show the retention policy status of every backup and what the next cron would delete (extension)", Hidden = true };
        var command = new Command("check", "Check if the server configuration is working. This command returns success if every checks pass, or failure if any of these fails");
        command.Add(servers);
        command.Add(nagios);
        command.Add(retentionPolicy);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("check")));
        return command;
    }
}
