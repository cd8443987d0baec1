// The `status` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class StatusCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command");
        var command = new Command("status", "Shows live information and status of the PostgreSQL server");
        command.Add(servers);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("status")));
        return command;
    }
}
