// The `put-wal` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

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
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("put-wal")));
        return command;
    }
}
