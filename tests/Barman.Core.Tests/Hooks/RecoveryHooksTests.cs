// Tests src/Barman.Core/Hooks/RecoveryHooks.cs: BARMAN_RECOVER_OPTIONS and BARMAN_TABLESPACES as Python's json.dumps.
using Barman.Core.Hooks;

namespace Barman.Core.Tests.Hooks;

public sealed class RecoveryHooksTests
{
    [Fact]
    public void Options_are_sorted_json_with_python_separators_as_the_real_barman_printed_them()
    {
        // Arrange: the values of `recover --target-immediate --target-action promote --target-tli 1` (checked on barman 3.4)
        var options = new Dictionary<string, object?>
        {
            ["target_tli"] = 1,
            ["target_immediate"] = true,
            ["target_action"] = "promote",
        };

        // Act
        var json = RecoveryHooks.Json(options);

        // Assert
        Assert.Equal("{\"target_action\": \"promote\", \"target_immediate\": true, \"target_tli\": 1}", json);
    }

    [Fact]
    public void An_empty_map_is_an_empty_string_and_strings_are_escaped()
    {
        // Arrange
        var tablespaces = new Dictionary<string, object?> { ["tbs\"1"] = "/srv/é" };

        // Act + Assert
        Assert.Equal(string.Empty, RecoveryHooks.Json([]));
        Assert.Equal("{\"tbs\\\"1\": \"/srv/\\u00e9\"}", RecoveryHooks.Json(tablespaces));
    }
}
