// The `receive-wal` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Servers;
using Barman.Core.Wal;

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
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            // Stopping, resetting and slot handling reach inactive servers too; streaming itself skips them.
            var control = parse.GetValue(stop) || parse.GetValue(reset) || parse.GetValue(createSlot) || parse.GetValue(dropSlot);
            if (GatedServers.One(inv, parse.GetValue(server)!, control ? GatePolicy.ReceiveWalControl : GatePolicy.Default) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            var receiver = new WalReceiver(config, inv.Output, inv.Runner);
            if (parse.GetValue(stop))
            {
                await receiver.StopAsync(inv.Clock, token);
            }
            else if (parse.GetValue(createSlot))
            {
                await receiver.CreateSlotAsync(token);
            }
            else if (parse.GetValue(dropSlot))
            {
                await receiver.DropSlotAsync(token);
            }
            else if (parse.GetValue(reset))
            {
                await receiver.ResetAsync(token);
            }
            else
            {
                await receiver.RunAsync(token);
            }
            return 0;
        }, ct));
        return command;
    }
}
