// The `replication-status` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class ReplicationStatusCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name for the command ('all' will show all available servers)");
        var minimal = new Option<bool>("--minimal") { Description = "machine readable output" };
        var target = new Option<string>("--target") { Description = "Possible values are: 'hot-standby' (only hot standby servers), 'wal-streamer' (only WAL streaming clients, such as pg_receivewal), 'all' (any of them). Defaults to all", DefaultValueFactory = _ => "all" };
        target.Choices("all", "hot-standby", "wal-streamer");
        var command = new Command("replication-status", "Shows live information and status of any streaming client");
        command.Add(servers);
        command.Add(minimal);
        command.Add(target);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("replication-status")));
        return command;
    }
}
