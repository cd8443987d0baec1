// Arguments and options shared by several verbs, named as barman's usage lines name them.
using System.CommandLine;

namespace Barman.Cli.Commands;

internal static class CommonArguments
{
    /// <summary>One or more server names, or <c>all</c>.</summary>
    public static Argument<string[]> ServerNames(string description = "specifies the server names for the command ('all' will show all available servers)") => new("server_name")
    {
        Arity = ArgumentArity.OneOrMore,
        Description = description,
    };

    /// <summary>Exactly one server name.</summary>
    public static Argument<string> ServerName() => new("server_name") { Description = "specifies the server name for the command" };

    /// <summary>A backup id, a backup name, or latest/last/oldest/first/last-failed.</summary>
    public static Argument<string> BackupId(string description = "specifies the backup ID") => new("backup_id") { Description = description };

    /// <summary>An option taking a value, with barman's metavar.</summary>
    public static Option<T> Valued<T>(string name, string metavar, string description, params string[] aliases)
    {
        var option = new Option<T>(name, aliases) { Description = description, HelpName = metavar };
        return option;
    }

    /// <summary>A flag.</summary>
    public static Option<bool> Flag(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };
}
