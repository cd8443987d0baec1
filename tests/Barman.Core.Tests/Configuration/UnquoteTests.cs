// Tests ConfigLoader.Unquote (src/Barman.Core/Configuration/ConfigLoader.cs) against barman's _QUOTE_RE replacement.
using System.Text.RegularExpressions;
using Barman.Core.Configuration;

namespace Barman.Core.Tests.Configuration;

public sealed class UnquoteTests
{
    [Fact]
    public void Equals_the_quote_regex_replacement_for_every_short_value()
    {
        // Arrange: barman's pattern, and every string of quotes, letters and newlines up to five characters
        var quoteRe = new Regex(@"^([""'])(.*)\1$", RegexOptions.CultureInvariant);
        IEnumerable<string> values = [string.Empty];
        var all = new List<string>();
        for (var length = 0; length <= 5; length++)
        {
            all.AddRange(values);
            values = [.. values.SelectMany(v => new[] { v + "'", v + "\"", v + "a", v + "\n" })];
        }

        foreach (var value in all)
        {
            // Act
            var ours = ConfigLoader.Unquote(value);

            // Assert
            Assert.Equal(quoteRe.Replace(value, "$2"), ours);
        }
        Assert.Equal(1365, all.Count);
    }
}
