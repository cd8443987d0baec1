// The `switch-wal` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class SwitchWalCommand
{
    public static Command Create(CliContext ctx)
    {
        var servers = CommonArguments.ServerNames("specifies the server name target of the switch-wal command");
        var force = new Option<bool>("--force") { Description = "forces the switch of a WAL by executing a checkpoint before" };
        var archive = new Option<bool>("--archive") { Description = "wait for one WAL file to be archived" };
        var archiveTimeout = new Option<int?>("--archive-timeout") { Description = "the time, in seconds, the archiver will wait for a new WAL file to be archived before timing out", HelpName = "TIMEOUT" }.Checked(ArgTypes.NonNegative);
        var command = new Command("switch-wal", "Execute the switch-wal command on the target server");
        command.Aliases.Add("switch-xlog");
        command.Add(servers);
        command.Add(force);
        command.Add(archive);
        command.Add(archiveTimeout);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("switch-wal")));
        return command;
    }
}
