// The `get-wal` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;
using Barman.Core.Servers;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class GetWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var walName = new Argument<string>("wal_name") { Description = "the WAL file to get" };
        var outputDirectory = new Option<string?>("--output-directory", "-o") { Description = "put the retrieved WAL file in this directory with the original name", HelpName = "OUTPUT_DIRECTORY" };
        var partial = new Option<bool>("--partial", "-P") { Description = "retrieve also partial WAL files (.partial)" };
        var gzip = new Option<bool>("--gzip", "-z", "-x") { Description = "compress the output with gzip" };
        var bzip2 = new Option<bool>("--bzip2", "-j") { Description = "compress the output with bzip2" };
        var peek = new Option<int?>("--peek", "-p") { Description = "peek from the WAL archive up to 'SIZE' WAL files, starting from the requested one. 'SIZE' must be an integer >= 1. When invoked with this option, get-wal returns a list of zero to 'SIZE' WAL segment names, one per row.", HelpName = "SIZE" }.Checked(ArgTypes.Positive);
        var test = new Option<bool>("--test", "-t") { Description = "test both the connection and the configuration of the requested PostgreSQL server in Barman for WAL retrieval. With this option, the 'wal_name' mandatory argument is ignored." };
        var command = new Command("get-wal", "Retrieve WAL_NAME file from SERVER_NAME archive. The content will be streamed on standard output unless the --output-directory option is specified.");
        command.Add(server);
        command.Add(walName);
        command.Add(outputDirectory);
        command.Add(partial);
        command.Add(gzip);
        command.Add(bzip2);
        command.Add(peek);
        command.Add(test);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            // Only the configuration decides (no connection): get-wal is restore_command and must stay fast.
            if (GatedServers.One(inv, parse.GetValue(server)!, GatePolicy.WalTransfer) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            var request = new GetWalRequest(
                parse.GetValue(walName)!,
                parse.GetValue(outputDirectory),
                parse.GetValue(gzip) ? "gzip" : parse.GetValue(bzip2) ? "bzip2" : null,
                parse.GetValue(partial),
                parse.GetValue(peek),
                parse.GetValue(test),
                Environment.GetEnvironmentVariable("SSH_CONNECTION"));
            // The WAL bytes go to the real standard output (the descriptor itself on Unix); in-process tests pass -o instead.
            WalRetriever.Run(config, request, inv.Output, OperatingSystem.IsWindows() ? Console.OpenStandardOutput : () => new StdoutStream());
            return inv.Output.HasErrors ? 1 : 0;
        }));
        return command;
    }
}
