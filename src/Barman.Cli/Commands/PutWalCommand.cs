// The `put-wal` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Servers;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class PutWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var test = new Option<bool>("--test", "-t") { Description = "test both the connection and the configuration of the requested PostgreSQL server in Barman to make sure it is ready to receive WAL files." };
        var command = new Command("put-wal", "Receive a WAL file from SERVER_NAME and securely store it in the incoming directory. The file will be read from standard input in tar format.");
        command.Add(server);
        command.Add(test);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            if (GatedServers.One(inv, parse.GetValue(server)!, GatePolicy.WalTransfer) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            using var stdin = Console.OpenStandardInput();
            WalPutter.Run(config, stdin, parse.GetValue(test), inv.Output);
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
