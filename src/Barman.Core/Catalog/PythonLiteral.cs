// Python literal syntax as backup.info stores it: repr() of strings and a small reader for str/int/float/None/list/tuple/dict.
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Barman.Core.Formatting;

namespace Barman.Core.Catalog;

/// <summary>
/// Python's <c>repr()</c> for the values backup.info holds, and a parser for the literals barman writes
/// (what <c>ast.literal_eval</c> accepts for those values). Values parse to: string, long, double, bool,
/// null, <see cref="ImmutableArray{T}"/> of object? (list or tuple) or an ordered list of key/value pairs (dict).
/// </summary>
internal static class PythonLiteral
{
    /// <summary>repr() of a str: single quotes unless the text has a ' and no ", escapes as CPython prints them.</summary>
    public static string Repr(string s)
    {
        var quote = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (var rune in s.EnumerateRunes())
        {
            var c = rune.Value;
            if (c == quote || c == '\\')
            {
                sb.Append('\\').Append((char)c);
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else if (c < 0x20 || c == 0x7f)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{c:x2}");
            }
            else if (c >= 0x80 && Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                         or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                         or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.SpaceSeparator)
            {
                sb.Append(c <= 0xff ? string.Create(CultureInfo.InvariantCulture, $"\\x{c:x2}")
                    : c <= 0xffff ? string.Create(CultureInfo.InvariantCulture, $"\\u{c:x4}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\U{c:x8}"));
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>repr() of any value this class parses.</summary>
    public static string Repr(object? value) => value switch
    {
        null => "None",
        string s => Repr(s),
        bool b => b ? "True" : "False",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => PythonFloat.Repr(d),
        PyTuple t => t.Items.Length == 1 ? "(" + Repr(t.Items[0]) + ",)" : "(" + string.Join(", ", t.Items.Select(Repr)) + ")",
        ImmutableArray<object?> list => "[" + string.Join(", ", list.Select(Repr)) + "]",
        ImmutableArray<KeyValuePair<string, object?>> dict => "{" + string.Join(", ", dict.Select(kv => Repr(kv.Key) + ": " + Repr(kv.Value))) + "}",
        _ => throw new ArgumentException("no Python repr for " + value.GetType().Name, nameof(value)),
    };

    /// <summary>Parses one literal; throws <see cref="FormatException"/> naming the position on bad input.</summary>
    public static object? Parse(string text) => Read(text, build: true);

    /// <summary>True when <paramref name="text"/> is one literal; checks without building the value (read path of every backup.info).</summary>
    public static bool IsValid(string text, out string error)
    {
        try
        {
            Read(text, build: false);
            error = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static object? Read(string text, bool build)
    {
        var reader = new Reader(text, build);
        var value = reader.Value();
        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw new FormatException($"unexpected text at offset {reader.Position}");
        }
        return value;
    }

    /// <summary>A Python tuple (kept apart from lists so that repr() round-trips).</summary>
    public sealed record PyTuple(ImmutableArray<object?> Items);

    /// <summary>With <c>build</c> false it only checks the syntax: strings read as "" and containers as null.</summary>
    private sealed class Reader(string text, bool build)
    {
        private int _pos;

        public int Position => _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public object? Value()
        {
            SkipSpace();
            if (AtEnd)
            {
                throw new FormatException("unexpected end of literal");
            }
            var c = text[_pos];
            switch (c)
            {
                case '\'' or '"':
                    return Str();
                case '[':
                    return Sequence('[', ']')?.Items;
                case '(':
                    return Sequence('(', ')');
                case '{':
                    return Dict();
                default:
                    return Atom();
            }
        }

        private PyTuple? Sequence(char open, char close)
        {
            _pos++;
            var items = build ? ImmutableArray.CreateBuilder<object?>() : null;
            SkipSpace();
            while (!AtEnd && text[_pos] != close)
            {
                var item = Value();
                items?.Add(item);
                if (!SkipComma())
                {
                    break;
                }
            }
            Expect(close);
            return items is null ? null : new PyTuple(items.ToImmutable());
        }

        /// <summary>Skips the separator after an item; false when the container ends here (no comma).</summary>
        private bool SkipComma()
        {
            SkipSpace();
            if (AtEnd || text[_pos] != ',')
            {
                return false;
            }
            _pos++;
            SkipSpace();
            return true;
        }

        private object? Dict()
        {
            _pos++;
            var items = build ? ImmutableArray.CreateBuilder<KeyValuePair<string, object?>>() : null;
            SkipSpace();
            while (!AtEnd && text[_pos] != '}')
            {
                if (Value() is not string key)
                {
                    throw new FormatException($"dict key is not a string at offset {_pos}");
                }
                SkipSpace();
                Expect(':');
                var value = Value();
                items?.Add(new(key, value));
                if (!SkipComma())
                {
                    break;
                }
            }
            Expect('}');
            return items?.ToImmutable();
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (AtEnd || text[_pos] != c)
            {
                throw new FormatException($"expected '{c}' at offset {_pos}");
            }
            _pos++;
        }

        private object? Atom()
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '.' or '-' or '+' or '_'))
            {
                _pos++;
            }
            var token = text.AsSpan(start, _pos - start);
            return token switch
            {
                "None" => null,
                "True" => true,
                "False" => false,
                _ when long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
                _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
                _ => throw new FormatException($"unknown literal '{token}' at offset {start}"),
            };
        }

        private string Str()
        {
            var quote = text[_pos++];
            var sb = build ? new StringBuilder() : null;
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException("unterminated string");
                }
                var c = text[_pos++];
                if (c == quote)
                {
                    return sb?.ToString() ?? string.Empty;
                }
                if (c != '\\')
                {
                    sb?.Append(c);
                    continue;
                }
                if (AtEnd)
                {
                    throw new FormatException("unterminated escape");
                }
                var e = text[_pos++];
                switch (e)
                {
                    case 'n': sb?.Append('\n'); break;
                    case 'r': sb?.Append('\r'); break;
                    case 't': sb?.Append('\t'); break;
                    case '0': sb?.Append('\0'); break;
                    case '\\' or '\'' or '"': sb?.Append(e); break;
                    // The escapes below always read their digits: the position must move even when only checking.
                    case 'x': var x = Hex(2); sb?.Append(x); break;
                    case 'u': var u = Hex(4); sb?.Append(u); break;
                    case 'U': var big = char.ConvertFromUtf32(int.Parse(Take(8), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); sb?.Append(big); break;
                    default: sb?.Append('\\').Append(e); break;
                }
            }
        }

        private char Hex(int n) => (char)int.Parse(Take(n), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        private string Take(int n)
        {
            if (_pos + n > text.Length)
            {
                throw new FormatException("truncated escape");
            }
            var s = text.Substring(_pos, n);
            _pos += n;
            return s;
        }
    }
}
