// One configuration option, declared once: the table built from these feeds parsing, show-servers and docs.
using System.Collections.Immutable;

namespace Barman.Core.Configuration;

/// <summary>
/// A configuration option. <see cref="Default"/> may reference other options as <c>%(name)s</c>,
/// as Barman's defaults do (backup_directory = %(barman_home)s/%(name)s).
/// </summary>
public sealed record OptionSpec(
    string Name,
    OptionScope Scope,
    OptionKind Kind,
    string? Default,
    string Description,
    ImmutableArray<string> Choices = default)
{
    /// <summary>Choices as barman lists them in its "must be one in" message.</summary>
    public string ChoicesText => string.Join(", ", Choices.Select(c => $"'{c}'"));
}
