// How an error reaches the operator through CliContext: "ERROR: msg" on stderr, or {"_ERROR": [...]} with -f json.
using System.CommandLine;
using Barman.Cli.Commands;
using Barman.Cli.Hosting;
using Barman.Cli.Tests.Support;

namespace Barman.Cli.Tests.Hosting;

[Collection(CliCollection.Name)]
public sealed class JsonErrorTests : IDisposable
{
    private readonly ReferenceRig _rig = new();

    public void Dispose() => _rig.Dispose();

    private RunResult RunUnknownServer(params string[] globalOptions)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var ctx = new CliContext(stdout, stderr, TimeProvider.System);
        var parse = CommandTree.Build(ctx).Parse(["-c", _rig.ConfigFile, .. globalOptions, "list-servers"]);
        var code = ctx.Run(parse, inv =>
        {
            _ = inv.Server("nosuch");
            return 0;
        });
        return new RunResult(stdout.ToString(), stderr.ToString(), code);
    }

    [Fact]
    public void An_unknown_server_is_one_json_error_without_trailing_newline()
    {
        // transcript 49: barman -f json check nosuch
        Assert.Equal(new RunResult("{\"_ERROR\": [\"Unknown server 'nosuch'\"]}", string.Empty, 1), RunUnknownServer("-f", "json"));
    }

    [Fact]
    public void An_unknown_server_is_an_error_line_on_the_console()
    {
        Assert.Equal(new RunResult(string.Empty, "ERROR: Unknown server 'nosuch'\n", 1), RunUnknownServer());
    }

    [Fact]
    public void Servers_resolve_all_alphabetically_and_report_unknown_names()
    {
        var ctx = new CliContext(TextWriter.Null, new StringWriter(), TimeProvider.System);
        var parse = CommandTree.Build(ctx).Parse(["-c", _rig.ConfigFile, "list-servers"]);
        IReadOnlyList<string>? all = null;
        IReadOnlyList<string>? some = null;
        var code = ctx.Run(parse, inv =>
        {
            all = [.. inv.ResolveServers(["all"], out _).Select(s => s.Name)];
            some = [.. inv.ResolveServers(["pg-main", "nosuch", "pg-alt"], out var report).Select(s => s.Name)];
            report();
            return 0;
        });
        Assert.Equal(["pg-alt", "pg-main"], all);
        Assert.Equal(["pg-alt", "pg-main"], some);
        Assert.Equal(0, code);
    }
}
