// Generates docs/configuration.md from the one option table, so the configuration reference cannot drift.
using System.Text;
using Barman.Core.Configuration;

namespace Barman.Cli.Docs;

internal static class ConfigurationReference
{
    public static string Render()
    {
        var sb = new StringBuilder();
        sb.Append("# Configuration reference\n\n");
        sb.Append("Generated from `src/Barman.Core/Configuration/OptionTable.cs` (a test fails when this file drifts;\n");
        sb.Append("`BARMAN_UPDATE_DOCS=1 ./test.sh` rewrites it). Scope: `global` = only in `[barman]`; `server` = only in a\n");
        sb.Append("server section; `both` = in `[barman]` as a default that a server section overrides.\n");
        sb.Append("`%(name)s` in a default refers to another option (`%(name)s` itself is the server name).\n\n");
        sb.Append("| option | scope | type | default | description |\n|---|---|---|---|---|\n");
        foreach (var option in OptionTable.All)
        {
            var kind = option.Kind == OptionKind.Choice ? string.Join(" \\| ", option.Choices) : option.Kind.ToString().ToLowerInvariant();
            var scope = option.Scope.ToString().ToLowerInvariant();
            var def = option.Default is null ? "—" : $"`{option.Default}`";
            sb.Append($"| `{option.Name}` | {scope} | {kind} | {def} | {option.Description} |\n");
        }
        return sb.ToString();
    }
}
