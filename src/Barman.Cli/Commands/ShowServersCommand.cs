// The `show-servers` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class ShowServersCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server names to show ('all' will show all available servers)");
        var command = new Command("show-servers", "Show all configuration parameters for the specified servers");
        command.Aliases.Add("show-server");
        command.Add(servers);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("show-servers")));
        return command;
    }
}
