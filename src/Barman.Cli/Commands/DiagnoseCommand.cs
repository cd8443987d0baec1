// The `diagnose` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class DiagnoseCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("diagnose", "Diagnostic command (for support and problems detection purpose)");
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("diagnose")));
        return command;
    }
}
