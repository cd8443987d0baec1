// Python's str(Decimal) for a PostgreSQL numeric value: barman prints numerics that way ("0E-20", "23133897").
namespace Barman.Core.Servers;

/// <summary>Formats numeric text exactly as Python's <c>str(decimal.Decimal(text))</c>.</summary>
public static class PythonDecimal
{
    public static string Str(string numeric)
    {
        var text = numeric.Trim();
        var negative = text.StartsWith('-');
        if (negative || text.StartsWith('+'))
        {
            text = text[1..];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        var exponent = -fraction.Length;
        var digits = (intPart + fraction).TrimStart('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }
        var leftDigits = exponent + digits.Length;
        var dotPlace = exponent <= 0 && leftDigits > -6 ? leftDigits : 1;
        string head, tail;
        if (dotPlace <= 0)
        {
            head = "0";
            tail = "." + new string('0', -dotPlace) + digits;
        }
        else if (dotPlace >= digits.Length)
        {
            head = digits + new string('0', dotPlace - digits.Length);
            tail = string.Empty;
        }
        else
        {
            head = digits[..dotPlace];
            tail = "." + digits[dotPlace..];
        }
        var exp = leftDigits == dotPlace ? string.Empty
            : "E" + (leftDigits - dotPlace).ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture);
        return (negative ? "-" : string.Empty) + head + tail + exp;
    }
}
