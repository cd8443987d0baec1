// Tests src/Barman.Cli/Hosting/Argparse/NargsPattern.cs against the regular expressions argparse itself builds.
using System.Text.RegularExpressions;
using Barman.Cli.Hosting.Argparse;

namespace Barman.Cli.Tests.Hosting;

public sealed class NargsPatternTests
{
    // Python 3.11 argparse's _get_nargs_pattern, verbatim, and the option form (every '-' removed).
    private static readonly Dictionary<Nargs, string> Positional = new()
    {
        [Nargs.Zero] = "(-*-*)",
        [Nargs.One] = "(-*A-*)",
        [Nargs.Optional] = "(-*A?-*)",
        [Nargs.OneOrMore] = "(-*A[A-]*)",
        [Nargs.Parser] = "(-*A[-AO]*)",
    };

    private static string Regex(Nargs nargs, bool isOptional) =>
        isOptional ? Positional[nargs].Replace("-*", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) : Positional[nargs];

    /// <summary>Every string of 'A', 'O' and '-' up to six characters (what ParseKnown builds from a command line).</summary>
    private static IEnumerable<string> Inputs()
    {
        IEnumerable<string> level = [string.Empty];
        for (var length = 0; length <= 6; length++)
        {
            foreach (var s in level)
            {
                yield return s;
            }
            level = [.. level.SelectMany(s => new[] { s + "A", s + "O", s + "-" })];
        }
    }

    public static TheoryData<bool, int> Shapes()
    {
        var data = new TheoryData<bool, int>();
        foreach (var isOptional in new[] { false, true })
        {
            for (var groups = 1; groups <= 3; groups++)
            {
                data.Add(isOptional, groups);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Group_lengths_equal_the_regex_engines_for_every_input(bool isOptional, int groupCount)
    {
        // Arrange: every sequence of groupCount nargs kinds
        IEnumerable<Nargs[]> sequences = [[]];
        for (var i = 0; i < groupCount; i++)
        {
            sequences = [.. sequences.SelectMany(seq => Enum.GetValues<Nargs>().Select(n => seq.Append(n).ToArray()))];
        }
        var checkedCount = 0;

        foreach (var sequence in sequences)
        {
            var regex = new Regex("^" + string.Concat(sequence.Select(n => Regex(n, isOptional))), RegexOptions.CultureInvariant);
            var groups = sequence.Select(n => NargsPattern.For(n, isOptional)).ToList();
            foreach (var input in Inputs())
            {
                // Act
                var ours = NargsPattern.Match(input, groups);
                var expected = regex.Match(input);

                // Assert
                Assert.True(expected.Success == ours is not null, $"{regex} on '{input}': regex {expected.Success}, ours {ours is not null}");
                if (ours is not null)
                {
                    Assert.Equal(expected.Groups.Cast<Group>().Skip(1).Select(g => g.Length), ours);
                }
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 1000);
    }
}
