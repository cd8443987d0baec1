// The whole configuration: the [barman] section, every server, and what was wrong while reading it.
using System.Collections.Immutable;

namespace Barman.Core.Configuration;

/// <summary>The loaded configuration. Servers are sorted by name, as barman processes them.</summary>
public sealed record GlobalConfig(
    string ConfigFile,
    ImmutableSortedDictionary<string, string?> Values,
    ImmutableSortedDictionary<string, ServerConfig> Servers,
    ImmutableArray<string> Warnings,
    ImmutableArray<string> LogWarnings)
{
    public string? Get(string key) => Values.TryGetValue(key, out var v) ? v : null;

    public string BarmanHome => Get("barman_home") ?? "/var/lib/barman";

    public string BarmanUser => Get("barman_user") ?? "barman";

    public string? LogFile => Get("log_file");

    public string LogLevel => (Get("log_level") ?? "INFO").ToUpperInvariant();

    public string LockDirectory => Get("barman_lock_directory") ?? BarmanHome;
}
