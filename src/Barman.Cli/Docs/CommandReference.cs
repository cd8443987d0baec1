// Generates docs/commands.md from the System.CommandLine tree, so the command reference cannot drift.
using System.CommandLine;
using System.Text;

namespace Barman.Cli.Docs;

internal static class CommandReference
{
    public static string Render(RootCommand root)
    {
        var sb = new StringBuilder();
        sb.Append("# Command reference\n\n");
        sb.Append("Generated from the command definitions (`tests/Barman.Cli.Tests/Docs` fails when this file drifts;\n");
        sb.Append("`BARMAN_UPDATE_DOCS=1 ./test.sh` rewrites it). Exit codes: 0 success, 1 error, 2 usage error\n");
        sb.Append("(and `check --nagios` CRITICAL).\n\n");
        sb.Append("## Global options\n\n");
        sb.Append("Given before the command: `barman [global options] <command> [options] [arguments]`.\n\n");
        AppendOptions(sb, root.Options);
        foreach (var command in root.Subcommands.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            sb.Append("## ").Append(command.Name).Append("\n\n");
            if (command.Aliases.Count > 0)
            {
                sb.Append("Aliases: ").Append(string.Join(", ", command.Aliases.Order(StringComparer.Ordinal).Select(a => $"`{a}`"))).Append("\n\n");
            }
            sb.Append(command.Description).Append("\n\n");
            if (command.Hidden)
            {
                sb.Append("*Extension: not a Barman 3.4 command, so it is left out of `barman --help`.*\n\n");
            }
            if (command.Arguments.Count > 0)
            {
                sb.Append("| argument | description |\n|---|---|\n");
                foreach (var argument in command.Arguments)
                {
                    var name = argument.Arity.MaximumNumberOfValues > 1 ? argument.Name + " ..." : argument.Name;
                    var optional = argument.Arity.MinimumNumberOfValues == 0 ? " (optional)" : string.Empty;
                    sb.Append($"| `{name}`{optional} | {Escape(argument.Description)} |\n");
                }
                sb.Append('\n');
            }
            AppendOptions(sb, command.Options);
        }
        return sb.ToString();
    }

    private static void AppendOptions(StringBuilder sb, IEnumerable<Option> options)
    {
        var list = options.Where(o => o.Name != "--help").ToList();
        if (list.Count == 0)
        {
            return;
        }
        sb.Append("| option | description |\n|---|---|\n");
        foreach (var option in list)
        {
            var names = string.Join(", ", new[] { option.Name }.Concat(option.Aliases.Order(StringComparer.Ordinal)));
            var value = option.ValueType == typeof(bool) ? string.Empty : " " + (option.HelpName ?? "VALUE");
            var extension = option.Hidden ? " *(extension: not in Barman 3.4, hidden from `--help`)*" : string.Empty;
            sb.Append($"| `{names}{value}` | {Escape(option.Description)}{extension} |\n");
        }
        sb.Append('\n');
    }

    private static string Escape(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
