// The `cron` verb: declares barman's arguments and options; the handler has not landed yet.
using System.CommandLine;
using Barman.Cli.Hosting;
using Barman.Core.Errors;

namespace Barman.Cli.Commands;

internal static class CronCommand
{
    public static Command Create(CliContext ctx)
    {
        var keepDescriptors = new Option<bool>("--keep-descriptors") { Description = "Keep the stdout and the stderr streams attached to Barman subprocesses" };
        var command = new Command("cron", "Run maintenance tasks (global command)");
        command.Add(keepDescriptors);
        command.SetAction(parse => ctx.Run(parse, _ => throw new NotImplementedVerbException("cron")));
        return command;
    }
}
