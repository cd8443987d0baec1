// What argparse knows about an option that System.CommandLine does not: choices in barman's order, the type check, the const.
using System.CommandLine;
using System.Runtime.CompilerServices;

namespace Barman.Cli.Hosting.Argparse;

/// <summary>Extra argparse facts attached to a System.CommandLine symbol.</summary>
internal sealed record ArgMeta(string[]? Choices = null, Func<string, ArgValue>? Type = null, string? Const = null);

/// <summary>Declares argparse facts on options and arguments (kept beside the symbol, read by the argparse model).</summary>
internal static class ArgparseMeta
{
    private static readonly ConditionalWeakTable<Symbol, ArgMeta> Table = [];

    /// <summary>The facts declared for <paramref name="symbol"/>, or an empty set.</summary>
    public static ArgMeta Of(Symbol symbol) => Table.TryGetValue(symbol, out var meta) ? meta : new ArgMeta();

    /// <summary>Only these values are accepted; usage shows them as <c>{a,b}</c> in this order.</summary>
    public static T Choices<T>(this T symbol, params string[] choices)
        where T : Symbol
    {
        Table.AddOrUpdate(symbol, Of(symbol) with { Choices = choices });
        return symbol;
    }

    /// <summary>The value must pass <paramref name="type"/> (one of <see cref="ArgTypes"/>).</summary>
    public static T Checked<T>(this T symbol, Func<string, ArgValue> type)
        where T : Symbol
    {
        Table.AddOrUpdate(symbol, Of(symbol) with { Type = type });
        return symbol;
    }

    /// <summary>For an option whose value may be omitted (<c>nargs='?'</c>): the value used when it is.</summary>
    public static T Const<T>(this T symbol, string value)
        where T : Symbol
    {
        Table.AddOrUpdate(symbol, Of(symbol) with { Const = value });
        return symbol;
    }
}
