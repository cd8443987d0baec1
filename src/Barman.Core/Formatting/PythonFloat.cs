// Python's repr() of a float, needed to write xlog.db and backup.info values byte-compatibly.
using System.Globalization;

namespace Barman.Core.Formatting;

public static class PythonFloat
{
    /// <summary>Shortest round-trip digits, always with a '.' or an exponent, as Python prints floats.</summary>
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
        var s = d.ToString("R", CultureInfo.InvariantCulture);
        if (s.Contains('E', StringComparison.Ordinal))
        {
            var parts = s.Split('E');
            var exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            // Python switches to exponent form at 1e16 and below 1e-4, .NET at other points: re-render.
            if (exp is >= -5 and < 16)
            {
                return ((decimal)d).ToString(CultureInfo.InvariantCulture) is var dec && dec.Contains('.', StringComparison.Ordinal) ? dec : dec + ".0";
            }
            return parts[0] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return s.Contains('.', StringComparison.Ordinal) ? s : s + ".0";
    }
}
