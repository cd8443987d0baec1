// The `list-servers` verb (+ list-server): "<name> - <description>" per server, --minimal names only.
using System.CommandLine;
using Barman.Cli.Hosting;

namespace Barman.Cli.Commands;

internal static class ListServersCommand
{
    public static Command Create(CliContext ctx)
    {
        var minimal = new Option<bool>("--minimal") { Description = "machine readable output" };
        var command = new Command("list-servers", "List available servers, with useful information") { minimal };
        command.Aliases.Add("list-server");
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            var isMinimal = parse.GetValue(minimal);
            foreach (var server in inv.Config.Servers.Values)
            {
                // --minimal prints bare names on the console; the JSON form is the same either way.
                if (isMinimal && inv.Output is not Output.JsonOutput)
                {
                    inv.Output.Info(server.Name);
                }
                else
                {
                    inv.Output.ResultListServer(server.Name, Described(server), server.Disabled);
                }
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The description with barman's status suffixes: (inactive) or (WARNING: disabled), then (Passive).</summary>
    private static string Described(Barman.Core.Configuration.ServerConfig server)
    {
        var text = server.Description;
        if (!server.Active)
        {
            text += " (inactive)";
        }
        else if (server.Disabled)
        {
            text += " (WARNING: disabled)";
        }
        // A passive node copies from a primary barman (primary_ssh_command is set).
        return server.Get("primary_ssh_command") is null ? text : text + " (Passive)";
    }
}
