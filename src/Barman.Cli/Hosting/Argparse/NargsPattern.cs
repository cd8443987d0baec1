// argparse's nargs patterns ("-*A-*", "A?", "-*A[-AO]*"...) matched without System.Text.RegularExpressions.
namespace Barman.Cli.Hosting.Argparse;

/// <summary>
/// The regular expressions argparse builds from nargs, matched as its regex engine does: anchored at the start, each
/// quantifier greedy, the first match found by backtracking wins. Building a Regex per match cost a tenth of a
/// millisecond of every barman run; these patterns only ever use the atoms below, over strings of 'A', 'O' and '-'.
/// </summary>
internal static class NargsPattern
{
    /// <summary>One atom: a character class repeated between Min and Max times.</summary>
    internal readonly record struct Atom(string Chars, int Min, int Max);

    private const int Many = int.MaxValue;

    /// <summary>The group argparse's _get_nargs_pattern builds for <paramref name="nargs"/>; options drop the '-' atoms.</summary>
    public static Atom[] For(Nargs nargs, bool isOptional) => (nargs, isOptional) switch
    {
        (Nargs.Zero, false) => [new("-", 0, Many), new("-", 0, Many)],                 // (-*-*)
        (Nargs.One, false) => [new("-", 0, Many), new("A", 1, 1), new("-", 0, Many)],   // (-*A-*)
        (Nargs.Optional, false) => [new("-", 0, Many), new("A", 0, 1), new("-", 0, Many)], // (-*A?-*)
        (Nargs.OneOrMore, false) => [new("-", 0, Many), new("A", 1, 1), new("A-", 0, Many)], // (-*A[A-]*)
        (_, false) => [new("-", 0, Many), new("A", 1, 1), new("-AO", 0, Many)],         // (-*A[-AO]*)
        (Nargs.Zero, true) => [],                                                        // ()
        (Nargs.One, true) => [new("A", 1, 1)],                                           // (A)
        (Nargs.Optional, true) => [new("A", 0, 1)],                                      // (A?)
        (Nargs.OneOrMore, true) => [new("A", 1, 1), new("A", 0, Many)],                  // (A[A]*)
        (_, true) => [new("A", 1, 1), new("AO", 0, Many)],                               // (A[AO]*)
    };

    /// <summary>The length each group matches at the start of <paramref name="input"/>, or null when the pattern does not match.</summary>
    public static int[]? Match(string input, IReadOnlyList<Atom[]> groups)
    {
        var lengths = new int[groups.Count];
        return Match(input, 0, groups, 0, 0, lengths) ? lengths : null;
    }

    private static bool Match(string input, int pos, IReadOnlyList<Atom[]> groups, int group, int atom, int[] lengths)
    {
        if (group == groups.Count)
        {
            return true;
        }
        if (atom == groups[group].Length)
        {
            return Match(input, pos, groups, group + 1, 0, lengths);
        }
        var (chars, min, max) = groups[group][atom];
        var run = 0;
        while (run < max && pos + run < input.Length && chars.Contains(input[pos + run], StringComparison.Ordinal))
        {
            run++;
        }
        // Greedy: the longest repetition first, then one fewer, down to the minimum (a regex engine's backtracking order).
        for (var count = run; count >= min; count--)
        {
            lengths[group] += count;
            if (Match(input, pos + count, groups, group, atom + 1, lengths))
            {
                return true;
            }
            lengths[group] -= count;
        }
        return false;
    }
}
