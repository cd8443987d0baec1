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
        if (!main.Sections.Any(s => s.Name == GlobalSection))
        {
            throw new ConfigurationException($"No section: '{GlobalSection}'");
        }
        var globalRaw = Collect(documents, GlobalSection);
        if (!globalRaw.ContainsKey("barman_home"))
        {
            // Printed as barman prints it: its error line, then the exit message.
            throw new PlainMessageException(
                $"ERROR: Parameter \"barman_home\" is required in [{GlobalSection}] section.\nYour configuration is missing required parameters. Exiting.");
        }
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
        void Warn(string message)
        {
            // Every warning barman prints is also in its log.
            warnings.Add(message);
            logWarnings.Add(message);
        }
        var globalRaw = Collect(documents, GlobalSection);
        var globalValues = CheckGlobal(globalRaw, Warn);

        var serverNames = documents.SelectMany(d => d.Sections).Select(s => s.Name)
            .Where(n => n != GlobalSection && n != IniDocument.DefaultSection).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (serverNames.Contains("all"))
        {
            throw new FatalConfigurationException("the reserved word 'all' is not allowed as server name.Please rename it.");
        }

        var servers = ImmutableSortedDictionary.CreateBuilder<string, ServerConfig>(StringComparer.Ordinal);
        // barman checks every server's options first, then sets each server up (archiver forcing comes then).
        var setupWarnings = new List<string>();
        foreach (var name in serverNames)
        {
            var own = CheckServer(name, Collect(documents, name), globalRaw, Warn);
            var file = documents.Last(d => d.Sections.Any(s => s.Name == name)).Path;
            servers[name] = BuildServer(name, globalValues, own, file, setupWarnings.Add, logWarnings);
        }
        if (ServerValidation.CrossServerConflict(servers.Values) is { } clash)
        {
            throw new ConfigurationException(clash);
        }
        setupWarnings.ForEach(Warn);

        if (globalValues.GetValueOrDefault("log_level") is { } level
            && !new[] { "NOTSET", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL" }.Contains(level.ToUpperInvariant(), StringComparer.Ordinal))
        {
            // Only logged (barman falls back to its default level).
            logWarnings.Insert(0, $"unknown log_level in config file: {level}");
            globalValues.Remove("log_level");
        }
        var resolvedGlobal = Resolve(globalValues, OptionScope.Global, new Dictionary<string, string?>());
        return new GlobalConfig(path, resolvedGlobal, servers.ToImmutable(), warnings.ToImmutable(), logWarnings.ToImmutable());
    }

    private static ServerConfig BuildServer(
        string name,
        IReadOnlyDictionary<string, string?> global,
        IReadOnlyDictionary<string, string?> own,
        string file,
        Action<string> warn,
        ImmutableArray<string>.Builder logWarnings)
    {
        // [barman]-only options (barman_home, barman_user...) are visible to the server, e.g. for %(barman_home)s.
        var merged = new Dictionary<string, string?>(StringComparer.Ordinal) { ["name"] = name };
        foreach (var (k, v) in global)
        {
            if (OptionTable.ByName.TryGetValue(k, out var spec) && spec.Scope == OptionScope.Global)
            {
                merged[k] = v;
            }
        }
        foreach (var (k, v) in own)
        {
            merged[k] = v;
        }
        var values = Resolve(merged, OptionScope.Server, merged);

        if (values.GetValueOrDefault("minimum_redundancy") is { } mr
            && !int.TryParse(mr, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            logWarnings.Add($"Invalid minimum_redundancy \"{mr}\" for server \"{name}\" (fallback to \"0\")");
            values = values.SetItem("minimum_redundancy", "0");
        }
        var method = values.GetValueOrDefault("backup_method") ?? "rsync";
        var rsyncExecutor = method == "local-rsync" || (method == "rsync" && values.GetValueOrDefault("ssh_command") is not null);
        if (rsyncExecutor && values.GetValueOrDefault("backup_options") is null)
        {
            // barman's rsync executors say so when they are built (not when a missing ssh_command stops them first).
            warn($"No backup strategy set for server '{name}' (using default 'concurrent_backup').");
        }
        var archiver = values.GetValueOrDefault("archiver") is { } a && OptionParsers.TryParseBool(a, out var ab) && ab;
        var streaming = values.GetValueOrDefault("streaming_archiver") is { } s && OptionParsers.TryParseBool(s, out var sb) && sb;
        if (!archiver && !streaming)
        {
            warn($"No archiver enabled for server '{name}'. Please turn on 'archiver', 'streaming_archiver' or both");
            warn("Forcing 'archiver = on'");
            values = values.SetItem("archiver", "true");
        }
        var messages = ServerValidation.Messages(name, values, archiver, streaming);
        return new ServerConfig(name, values, messages.Length > 0, messages, file);
    }

    /// <summary>
    /// Every key of one section across all documents (after [DEFAULT]'s), later files overriding earlier ones.
    /// As barman reads values: one pair of surrounding quotes is removed, and "none" (any case) means unset.
    /// </summary>
    private static Dictionary<string, string?> Collect(IEnumerable<IniDocument> documents, string section)
    {
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        var sections = documents.SelectMany(d => d.Sections).ToList();
        foreach (var s in sections.Where(s => s.Name == IniDocument.DefaultSection).Concat(sections.Where(s => s.Name == section)))
        {
            foreach (var (k, v) in s.Keys)
            {
                raw[k] = v;
            }
        }
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (k, v) in raw)
        {
            var value = Interpolation.Expand(section, k, v, raw);
            result[k] = value.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Unquote(value);
        }
        return result;
    }

    /// <summary>[barman] accepts every known option silently (server ones are simply not inherited); unknown ones are reported.</summary>
    private static Dictionary<string, string?> CheckGlobal(Dictionary<string, string?> raw, Action<string> warn)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            if (OptionTable.ByName.ContainsKey(key))
            {
                result[key] = value;
            }
            else
            {
                warn($"Invalid configuration option \"{key}\" in [{GlobalSection}] section.");
            }
        }
        return result;
    }

    /// <summary>
    /// A server's own and inherited values, checked as barman does: unknown keys first, then option by option
    /// (in barman's order) the server's value, else the [barman] one; an invalid value is reported and skipped, so the
    /// next source (or the default) applies. "none" (null) stops the search: the option is unset.
    /// </summary>
    private static Dictionary<string, string?> CheckServer(string name, Dictionary<string, string?> own, Dictionary<string, string?> global, Action<string> warn)
    {
        foreach (var key in own.Keys.Where(k => !OptionTable.ByName.TryGetValue(k, out var spec) || spec.Scope == OptionScope.Global))
        {
            warn($"Invalid configuration option \"{key}\" in [{name}] section.");
        }
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var spec in ServerOptionsInReadOrder.Value)
        {
            if (own.TryGetValue(spec.Name, out var value) && Accept(spec, value, $"[{name}] section", warn, out var accepted))
            {
                result[spec.Name] = accepted;
            }
            else if (spec.Scope == OptionScope.Both && global.TryGetValue(spec.Name, out value) && Accept(spec, value, $"[{GlobalSection}] section", warn, out accepted))
            {
                result[spec.Name] = accepted;
            }
        }
        return result;
    }

    // Server options in the order barman reads them, sorted once (a stable sort: ties keep the table's order).
    private static readonly Lazy<OptionSpec[]> ServerOptionsInReadOrder = new(() =>
    {
        var options = new List<OptionSpec>();
        foreach (var spec in OptionTable.All)
        {
            if (spec.Scope != OptionScope.Global)
            {
                options.Add(spec);
            }
        }
        var keys = new (int Rank, int Position)[options.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (ServerKeyOrder.Of(options[i].Name), i);
        }
        var sorted = options.ToArray();
        Array.Sort(keys, sorted);
        return sorted;
    });

    private static bool Accept(OptionSpec spec, string? value, string source, Action<string> warn, out string? accepted)
    {
        accepted = value;
        if (value is null)
        {
            return true;
        }
        if (OptionParsers.Validate(spec, value, source) is { } reason)
        {
            warn($"Ignoring invalid configuration value '{value}' for key {spec.Name} in {source}: {reason}");
            return false;
        }
        accepted = OptionParsers.IsLowerCased(spec) ? value.ToLowerInvariant() : value;
        return true;
    }

    /// <summary>
    /// Adds defaults for every option of the scope. Only defaults are %-formatted (backup_directory =
    /// %(barman_home)s/%(name)s); values from the files were already interpolated the configparser way.
    /// </summary>
    private static ImmutableSortedDictionary<string, string?> Resolve(
        IReadOnlyDictionary<string, string?> given,
        OptionScope scope,
        IReadOnlyDictionary<string, string?> context)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var defaults = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in OptionTable.All)
        {
            var applies = scope == OptionScope.Server ? spec.Scope != OptionScope.Global || spec.Name == "barman_home" : spec.Scope != OptionScope.Server;
            if (!applies)
            {
                continue;
            }
            if (given.TryGetValue(spec.Name, out var v))
            {
                values[spec.Name] = v;
            }
            else
            {
                values[spec.Name] = spec.Default;
                defaults.Add(spec.Name);
            }
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
            resolved[key] = Expand(key, values, defaults, depth: 0);
        }
        return resolved.ToImmutable();
    }

    /// <summary>Python's "default % server.__dict__": an unset reference reads "None", and a result of "None" is unset.</summary>
    private static string? Expand(string key, IReadOnlyDictionary<string, string?> values, HashSet<string> defaults, int depth)
    {
        var value = values.GetValueOrDefault(key);
        if (value is null || depth > 10 || !defaults.Contains(key) || !value.Contains("%(", StringComparison.Ordinal))
        {
            return value;
        }
        var formatted = Reference().Replace(value, m => Expand(m.Groups[1].Value, values, defaults, depth + 1) ?? "None");
        return formatted == "None" ? null : formatted;
    }

    private static string ExpandUser(string path, string? home) =>
        path.StartsWith('~') && home is not null ? home + path[1..] : path;

    [GeneratedRegex(@"%\(([a-z_]+)\)s", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>
    /// barman's _QUOTE_RE (<c>^(["'])(.*)\1$</c>) replaced by its second group: one pair of matching quotes around a
    /// single-line value is removed (<c>$</c> also matches before a final newline, which stays). Written out because
    /// a regex replacement pattern is parsed at run time, on every command.
    /// </summary>
    internal static string Unquote(string value)
    {
        var body = value.EndsWith('\n') ? value[..^1] : value;
        return body.Length >= 2 && body[0] is ('"' or '\'') && body[^1] == body[0] && !body.Contains('\n')
            ? body[1..^1] + value[body.Length..]
            : value;
    }
}
