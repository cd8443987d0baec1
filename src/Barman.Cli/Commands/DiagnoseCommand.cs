// The `diagnose` verb: one indented JSON document about barman, the system and every server (also inside _INFO with -f json).
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Cli.Output;
using Barman.Core.Servers;

namespace Barman.Cli.Commands;

internal static class DiagnoseCommand
{
    public static Command Create(CliContext ctx)
    {
        var command = new Command("diagnose", "Diagnostic command (for support and problems detection purpose)");
        command.SetAction((parse, ct) => ctx.RunAsync(parse, async (inv, token) =>
        {
            var document = await DiagnoseReport.BuildAsync(inv.Config, inv.Runner, inv.Clock, token);
            // barman prints the document as an info message, so JSON output carries it as a string in _INFO.
            inv.Output.Info(PythonJson.SerializeIndented(document));
            return 0;
        }, ct));
        return command;
    }
}
