// Python's repr() of a str, as argparse quotes values in its messages ('x', "it's").
using System.Globalization;
using System.Text;

namespace Barman.Cli.Hosting.Argparse;

internal static class PyRepr
{
    /// <summary>repr(<paramref name="s"/>): single quotes unless the text has a ' and no ", escapes for \, quotes and controls.</summary>
    public static string Str(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var ch in s)
        {
            switch (ch)
            {
                case '\\':
                    sb.Append(@"\\");
                    break;
                case '\n':
                    sb.Append(@"\n");
                    break;
                case '\r':
                    sb.Append(@"\r");
                    break;
                case '\t':
                    sb.Append(@"\t");
                    break;
                default:
                    if (ch == quote)
                    {
                        sb.Append('\\').Append(ch);
                    }
                    else if (ch < 0x20 || ch == 0x7f)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)ch:x2}");
                    }
                    else
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.Append(quote).ToString();
    }
}
