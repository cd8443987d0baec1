// The `check-wal-archive` verb: parses its arguments and hands them to Core.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Hosting.Argparse;
using Barman.Core.Errors;
using Barman.Core.Wal;

namespace Barman.Cli.Commands;

internal static class CheckWalArchiveCommand
{
    public static Command Create(CliContext ctx)
    {
        var server = CommonArguments.ServerName();
        var timeline = new Option<int?>("--timeline") { Description = "the earliest timeline whose WALs should cause the check to fail", HelpName = "TIMELINE" }.Checked(ArgTypes.Positive);
        var command = new Command("check-wal-archive", "Check the WAL archive can be safely used for a new server. This will fail if there are any existing WALs in the archive. If the --timeline option is used then any WALs on earlier timelines than that specified will not cause the check to fail.");
        command.Add(server);
        command.Add(timeline);
        command.SetAction(parse => ctx.Run(parse, inv =>
        {
            var tli = parse.GetValue(timeline);
            if (GatedServers.One(inv, parse.GetValue(server)!) is not { } config)
            {
                return GatedServers.RefusedCode(inv);
            }
            WalArchiveChecker.Check(config, tli is { } t ? (uint)t : null, inv.Output);
            return 0;
        }));
        return command;
    }
}
