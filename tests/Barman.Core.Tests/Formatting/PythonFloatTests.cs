// Tests of PythonFloat.Repr against Python 3's repr(float) (values printed by python3 on the reference machine).
using Barman.Core.Formatting;

namespace Barman.Core.Tests.Formatting;

public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(1795561266.8078122, "1795561266.8078122")]
    [InlineData(1795561272.671812, "1795561272.671812")]
    [InlineData(1795561313.35624, "1795561313.35624")]
    [InlineData(1732487654.0, "1732487654.0")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(1.15, "1.15")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e15, "1500000000000000.0")]
    [InlineData(1234567890123456.7, "1234567890123456.8")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e22, "1e+22")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(12345.678901234567, "12345.678901234567")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(-2.5, "-2.5")]
    public void Repr_matches_python(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Repr(value));
    }

    [Fact]
    public void Repr_keeps_the_sign_of_negative_zero_and_names_specials()
    {
        Assert.Equal("-0.0", PythonFloat.Repr(-0.0));
        Assert.Equal("0.0", PythonFloat.Repr(0.0));
        Assert.Equal("nan", PythonFloat.Repr(double.NaN));
        Assert.Equal("inf", PythonFloat.Repr(double.PositiveInfinity));
        Assert.Equal("-inf", PythonFloat.Repr(double.NegativeInfinity));
    }
}
