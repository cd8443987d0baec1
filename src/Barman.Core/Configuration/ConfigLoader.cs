// Finds and reads barman.conf plus configuration_files_directory/*.conf into an immutable GlobalConfig.
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Barman.Core.Errors;

namespace Barman.Core.Configuration;

/// <summary>Loads the configuration with Barman's search order, inheritance and validation rules.</summary>
public static partial class ConfigLoader
{
    public const string GlobalSection = "barman";

    /// <summary>The files barman looks for when no <c>-c</c> is given, in order.</summary>
    public static IEnumerable<string> DefaultLocations(string? home)
    {
        if (!string.IsNullOrEmpty(home))
        {
            yield return System.IO.Path.Combine(home, ".barman.conf");
        }
        yield return "/etc/barman.conf";
        yield return "/etc/barman/barman.conf";
    }

    /// <summary>The configuration file to use: <paramref name="explicitPath"/> or the first default that exists.</summary>
    public static string Locate(string? explicitPath, string? home)
    {
        if (explicitPath is not null)
        {
            // barman tests the path as typed (no ~ expansion) and only expands it when reading.
            return File.Exists(explicitPath) || Directory.Exists(explicitPath)
                ? ExpandUser(explicitPath, home)
                : throw new PlainMessageException($"Configuration file '{explicitPath}' does not exist");
        }
        return DefaultLocations(home).FirstOrDefault(File.Exists)
            ?? throw new PlainMessageException("Could not find any configuration file at default locations.\nCheck Barman's documentation for more help.");
    }

    /// <summary>Reads <paramref name="path"/> and the server files it points to.</summary>
    public static GlobalConfig Load(string path)
    {
        // A directory reads as an empty file, as configparser skips what it cannot open.
        var main = IniDocument.Parse(path, Directory.Exists(path) ? string.Empty : File.ReadAllText(path));
        var documents = new List<IniDocument> { main };
        var extraLogWarnings = new List<string>();
        var globalRaw = Collect(documents, GlobalSection);
        if (globalRaw.TryGetValue("configuration_files_directory", out var dir) && !string.IsNullOrWhiteSpace(dir))
        {
            var expanded = ExpandUser(dir, Environment.GetEnvironmentVariable("HOME"));
            if (!Directory.Exists(expanded))
            {
                extraLogWarnings.Add($"Ignoring the \"configuration_files_directory\" option as \"{dir}\" is not a directory");
            }
            else
            {
                foreach (var file in Directory.GetFiles(expanded, "*.conf").Order(StringComparer.Ordinal))
                {
                    documents.Add(IniDocument.Parse(file, File.ReadAllText(file)));
                    // An included file may repeat [barman] but not change it.
                    if (!SameValues(Collect(documents, GlobalSection), globalRaw))
                    {
                        throw new FatalConfigurationException($"the configuration file {System.IO.Path.GetFileName(file)} contains a not empty [barman] section");
                    }
                }
            }
        }
        var config = Build(path, documents);
        return extraLogWarnings.Count == 0 ? config : config with { LogWarnings = [.. extraLogWarnings, .. config.LogWarnings] };
    }

    private static bool SameValues(Dictionary<string, string?> a, Dictionary<string, string?> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>Builds the configuration from already parsed documents (the first one is the main file).</summary>
    public static GlobalConfig Build(string path, IReadOnlyList<IniDocument> documents)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        var logWarnings = ImmutableArray.CreateBuilder<string>();
        var globalRaw = Collect(documents, GlobalSection);
        var globalValues = Validate(GlobalSection, globalRaw, forServer: false, warnings, logWarnings);

        var serverNames = documents.SelectMany(d => d.Sections).Select(s => s.Name)
            .Where(n => n != GlobalSection && n != IniDocument.DefaultSection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (serverNames.Contains("all"))
        {
            throw new FatalConfigurationException("the reserved word 'all' is not allowed as server name.Please rename it.");
        }

        var servers = ImmutableSortedDictionary.CreateBuilder<string, ServerConfig>(StringComparer.Ordinal);
        foreach (var name in serverNames)
        {
            var raw = Collect(documents, name);
            var own = Validate(name, raw, forServer: true, warnings, logWarnings);
            var file = documents.Last(d => d.Sections.Any(s => s.Name == name)).Path;
            servers[name] = BuildServer(name, globalValues, own, file, warnings, logWarnings);
        }

        var resolvedGlobal = Resolve(globalValues, OptionScope.Global, new Dictionary<string, string?>());
        return new GlobalConfig(path, resolvedGlobal, servers.ToImmutable(), warnings.ToImmutable(), logWarnings.ToImmutable());
    }

    private static ServerConfig BuildServer(
        string name,
        IReadOnlyDictionary<string, string?> global,
        IReadOnlyDictionary<string, string?> own,
        string file,
        ImmutableArray<string>.Builder warnings,
        ImmutableArray<string>.Builder logWarnings)
    {
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name };
        foreach (var (k, v) in global)
        {
            if (OptionTable.ByName.TryGetValue(k, out var spec) && spec.Scope != OptionScope.Server)
            {
                merged[k] = v;
            }
        }
        foreach (var (k, v) in own)
        {
            merged[k] = v;
        }
        var values = Resolve(merged, OptionScope.Server, merged);

        var messages = ImmutableArray.CreateBuilder<string>();
        if (values.GetValueOrDefault("conninfo") is null)
        {
            messages.Add($"PostgreSQL connection: Missing 'conninfo' parameter for server '{name}'");
        }
        var method = values.GetValueOrDefault("backup_method") ?? "rsync";
        if (method is "rsync" && values.GetValueOrDefault("ssh_command") is null)
        {
            messages.Add($"Missing or invalid ssh_command in barman configuration for server {name}");
        }
        if (values.GetValueOrDefault("minimum_redundancy") is { } mr
            && !int.TryParse(mr, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            logWarnings.Add($"Invalid minimum_redundancy \"{mr}\" for server \"{name}\" (fallback to \"0\")");
            values = values.SetItem("minimum_redundancy", "0");
        }
        var archiver = values.GetValueOrDefault("archiver") is { } a && OptionParsers.TryParseBool(a, out var ab) && ab;
        var streaming = values.GetValueOrDefault("streaming_archiver") is { } s && OptionParsers.TryParseBool(s, out var sb) && sb;
        if (!archiver && !streaming)
        {
            warnings.Add($"No archiver enabled for server '{name}'. Please turn on 'archiver', 'streaming_archiver' or both");
            warnings.Add("Forcing 'archiver = on'");
            values = values.SetItem("archiver", "true");
        }
        return new ServerConfig(name, values, messages.Count > 0, messages.ToImmutable(), file);
    }

    /// <summary>
    /// Every key of one section across all documents (after [DEFAULT]'s), later files overriding earlier ones.
    /// As barman reads values: one pair of surrounding quotes is removed, and "none" (any case) means unset.
    /// </summary>
    private static Dictionary<string, string?> Collect(IEnumerable<IniDocument> documents, string section)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        var sections = documents.SelectMany(d => d.Sections).ToList();
        foreach (var s in sections.Where(s => s.Name == IniDocument.DefaultSection).Concat(sections.Where(s => s.Name == section)))
        {
            foreach (var (k, v) in s.Keys)
            {
                result[k] = v.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Quoted().Replace(v, "$2");
            }
        }
        return result;
    }

    /// <summary>Drops unknown keys and invalid values with barman's warnings; invalid values fall back to defaults.</summary>
    private static Dictionary<string, string?> Validate(
        string section,
        Dictionary<string, string?> raw,
        bool forServer,
        ImmutableArray<string>.Builder warnings,
        ImmutableArray<string>.Builder logWarnings)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (!OptionTable.ByName.TryGetValue(key, out var spec) || (forServer && spec.Scope == OptionScope.Global))
            {
                warnings.Add($"Invalid configuration option \"{key}\" in [{section}] section.");
                continue;
            }
            if (spec.Kind == OptionKind.Int || value is null)
            {
                // barman only logs a bad number and carries on with its fallback.
                result[key] = value;
                continue;
            }
            if (OptionParsers.Validate(spec, value) is { } reason)
            {
                warnings.Add($"Ignoring invalid configuration value '{value}' for key {key} in [{section}] section: {reason}");
                logWarnings.Add($"Ignoring invalid configuration value '{value}' for key {key} in [{section}] section: {reason}");
                continue;
            }
            result[key] = spec.Kind == OptionKind.Choice ? value.Trim().ToLowerInvariant() : value;
        }
        return result;
    }

    /// <summary>Adds defaults for every option of the scope and expands <c>%(name)s</c> references.</summary>
    private static ImmutableSortedDictionary<string, string?> Resolve(
        IReadOnlyDictionary<string, string?> given,
        OptionScope scope,
        IReadOnlyDictionary<string, string?> context)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var spec in OptionTable.All)
        {
            var applies = scope == OptionScope.Server ? spec.Scope != OptionScope.Global || spec.Name == "barman_home" : spec.Scope != OptionScope.Server;
            if (!applies)
            {
                continue;
            }
            values[spec.Name] = given.TryGetValue(spec.Name, out var v) ? v : spec.Default;
        }
        foreach (var (k, v) in given)
        {
            values.TryAdd(k, v);
        }
        foreach (var (k, v) in context)
        {
            values.TryAdd(k, v);
        }
        var resolved = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var key in values.Keys)
        {
            resolved[key] = Expand(key, values, depth: 0);
        }
        return resolved.ToImmutable();
    }

    private static string? Expand(string key, IReadOnlyDictionary<string, string?> values, int depth)
    {
        var value = values.GetValueOrDefault(key);
        if (value is null || depth > 10 || !value.Contains("%(", StringComparison.Ordinal))
        {
            return value;
        }
        return Reference().Replace(value, m => Expand(m.Groups[1].Value, values, depth + 1) ?? string.Empty);
    }

    private static string ExpandUser(string path, string? home) =>
        path.StartsWith('~') && home is not null ? home + path[1..] : path;

    [GeneratedRegex(@"%\(([a-z_]+)\)s", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    // barman's _QUOTE_RE: one pair of matching quotes around a single-line value.
    [GeneratedRegex(@"^([""'])(.*)\1$", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
