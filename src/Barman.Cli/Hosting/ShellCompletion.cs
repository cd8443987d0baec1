// Shell completion: the `[suggest:N]` directive goes straight to System.CommandLine, with server and backup id sources.
using System.CommandLine;
using System.CommandLine.Completions;
using Barman.Core.Configuration;
using Barman.Core.Errors;

namespace Barman.Cli.Hosting;

/// <summary>
/// Our argparse front end would reject <c>[suggest:N]</c> as an unknown verb, so this one directive bypasses it:
/// System.CommandLine's own <see cref="SuggestDirective"/> completes verbs and options from the declarations in
/// <c>Commands/</c>, and the sources added here complete server names and backup ids from the configuration.
/// </summary>
internal static class ShellCompletion
{
    /// <summary>The shortcuts barman accepts wherever a backup id goes.</summary>
    private static readonly string[] BackupShortcuts = ["latest", "last", "oldest", "first", "last-failed"];

    /// <summary>True when the command line is a completion request (the directive must come first, as dotnet-suggest sends it).</summary>
    public static bool IsRequest(string[] args) =>
        args.Length > 0 && (args[0] == "[suggest]" || (args[0].StartsWith("[suggest:", StringComparison.Ordinal) && args[0].EndsWith(']')));

    /// <summary>Writes one completion per line for <c>[suggest:POSITION] "COMMAND LINE"</c>; always exits 0.</summary>
    public static int Run(RootCommand root, string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (!root.Directives.OfType<SuggestDirective>().Any())
        {
            root.Directives.Add(new SuggestDirective());
        }
        // The completed line starts with the program name, which System.CommandLine skips only when it matches the root.
        if (root.Name != "barman" && !root.Aliases.Contains("barman"))
        {
            root.Aliases.Add("barman"); // in-process (tests) the root is named after the host process
        }
        // barman's argparse knows -h/--help only, not System.CommandLine's Windows-style help aliases.
        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            foreach (var alias in help.Aliases.Where(a => a is "-?" or "/?" or "/h").ToList())
            {
                help.Aliases.Remove(alias);
            }
        }
        foreach (var argument in Arguments(root))
        {
            Func<ParseResult, IEnumerable<string>>? source = argument.Name switch
            {
                "server_name" => ServerNames,
                "backup_id" => BackupIds,
                _ => null,
            };
            if (source is not null)
            {
                argument.CompletionSources.Add(ctx => Filled(ctx, argument) ? [] : source(ctx.ParseResult).Select(n => new CompletionItem(n)));
            }
        }
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>True when the argument already holds all its values, so the word at the cursor belongs to the next one.</summary>
    private static bool Filled(CompletionContext ctx, Argument argument)
    {
        var tokens = ctx.ParseResult.CommandResult.GetResult(argument)?.Tokens ?? [];
        var others = tokens.Count(t => t.Value != ctx.WordToComplete || ctx.WordToComplete.Length == 0);
        return others >= argument.Arity.MaximumNumberOfValues;
    }

    private static IEnumerable<Argument> Arguments(Command command) =>
        command.Arguments.Concat(command.Subcommands.SelectMany(Arguments));

    /// <summary>The configured servers (plus <c>all</c> where a verb takes several); none when the configuration cannot be read.</summary>
    private static IEnumerable<string> ServerNames(ParseResult parse)
    {
        var config = TryLoad(parse);
        if (config is null)
        {
            return [];
        }
        var takesMany = parse.CommandResult.Command.Arguments.Any(a => a.Name == "server_name" && a.Arity.MaximumNumberOfValues > 1);
        return takesMany ? config.Servers.Keys.Append("all") : config.Servers.Keys;
    }

    /// <summary>The backup ids in the catalog of the server named before the cursor, then barman's shortcuts.</summary>
    private static IEnumerable<string> BackupIds(ParseResult parse)
    {
        var config = TryLoad(parse);
        var serverArgument = parse.CommandResult.Command.Arguments.FirstOrDefault(a => a.Name == "server_name");
        var server = serverArgument is null ? null : parse.CommandResult.GetResult(serverArgument)?.Tokens.FirstOrDefault()?.Value;
        var ids = new List<string>();
        if (config is not null && server is not null && config.Servers.TryGetValue(server, out var srv) && Directory.Exists(srv.BaseBackupsDirectory))
        {
            ids.AddRange(Directory.EnumerateDirectories(srv.BaseBackupsDirectory)
                .Where(d => File.Exists(Path.Combine(d, "backup.info")))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal));
        }
        return ids.Concat(BackupShortcuts);
    }

    /// <summary>Completion never fails loudly: a missing or broken configuration just gives no names.</summary>
    private static GlobalConfig? TryLoad(ParseResult parse)
    {
        try
        {
            return ConfigLoader.Load(ConfigLoader.Locate(parse.GetValue(GlobalOptions.Config), Environment.GetEnvironmentVariable("HOME")));
        }
        catch (Exception e) when (e is BarmanException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
