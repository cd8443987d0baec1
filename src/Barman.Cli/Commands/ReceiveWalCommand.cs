// The `receive-wal` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class ReceiveWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var stop = new Option<bool>("--stop") { Description = "stop the receive-wal subprocess for the server" };
        var reset = new Option<bool>("--reset") { Description = "reset the status of receive-wal removing any status files" };
        var createSlot = new Option<bool>("--create-slot") { Description = "create the replication slot, if it does not exist" };
        var dropSlot = new Option<bool>("--drop-slot") { Description = "drop the replication slot, if it exists" };
        var command = new Command("receive-wal", "Start a receive-wal process. The process uses the streaming protocol to receive WAL files from the PostgreSQL server.");
        command.Add(server);
        command.Add(stop);
        command.Add(reset);
        command.Add(createSlot);
        command.Add(dropSlot);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("receive-wal")));
        return command;
    }
}
