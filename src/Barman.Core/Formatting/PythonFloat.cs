// Python's repr() of a float, needed to write xlog.db and backup.info values byte-compatibly.
using System.Globalization;

namespace Barman.Core.Formatting;

public static class PythonFloat
{
    /// <summary>
    /// Shortest round-trip digits, as Python prints floats: positional notation when the decimal exponent is in
    /// [-4, 16), always with a '.'; otherwise <c>1.5e-07</c> / <c>1e+16</c> (at least two exponent digits).
    /// </summary>
    public static string Repr(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }
        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }
        var sign = double.IsNegative(d) ? "-" : string.Empty;
        var (digits, exponent) = ShortestDigits(Math.Abs(d));
        if (exponent is >= -4 and < 16)
        {
            if (exponent < 0)
            {
                return sign + "0." + new string('0', -exponent - 1) + digits;
            }
            var whole = digits.Length > exponent + 1 ? digits[..(exponent + 1)] : digits.PadRight(exponent + 1, '0');
            var fraction = digits.Length > exponent + 1 ? digits[(exponent + 1)..] : "0";
            return sign + whole + "." + fraction;
        }
        var mantissa = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The shortest round-trip significant digits (no trailing zeros) and the decimal exponent of the first one.</summary>
    private static (string Digits, int Exponent) ShortestDigits(double positive)
    {
        if (positive == 0)
        {
            return ("0", 0);
        }
        // "E16" would not be the shortest form; "R" is (since .NET Core 3.0), in either notation.
        var r = positive.ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int exponent;
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            digits = r[..e].Replace(".", string.Empty, StringComparison.Ordinal);
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else
        {
            var dot = r.IndexOf('.', StringComparison.Ordinal);
            var whole = dot >= 0 ? r[..dot] : r;
            var fraction = dot >= 0 ? r[(dot + 1)..] : string.Empty;
            if (whole != "0")
            {
                digits = whole + fraction;
                exponent = whole.Length - 1;
            }
            else
            {
                var zeros = fraction.Length - fraction.TrimStart('0').Length;
                digits = fraction[zeros..];
                exponent = -(zeros + 1);
            }
        }
        digits = digits.TrimEnd('0');
        return (digits.Length == 0 ? "0" : digits, exponent);
    }
}
