// Small value formats barman prints: Python's str(Decimal), client --version parsing and compatibility.
using Barman.Core.Servers;

namespace Barman.Core.Tests.Servers;

public sealed class FormattingTests
{
    [Theory]
    [InlineData("0.00000000000000000000", "0E-20")]
    [InlineData("0.12192415829657319961", "0.12192415829657319961")]
    [InlineData("23133897", "23133897")]
    [InlineData("0.0000001", "1E-7")]
    [InlineData("-1.50", "-1.50")]
    public void Numeric_text_is_printed_as_python_decimal_str(string numeric, string expected) =>
        Assert.Equal(expected, PythonDecimal.Str(numeric));

    [Theory]
    [InlineData("pg_basebackup (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)\n", "15.18", "15")]
    [InlineData("pg_receivewal (PostgreSQL) 9.6.24\n", "9.6.24", "9.6")]
    public void Client_versions_are_read_from_version_output(string output, string full, string major)
    {
        // Act
        var tool = new ClientTool("x", "/usr/bin/x", ClientTool.ParseVersion(output));

        // Assert
        Assert.Equal(full, tool.FullVersion);
        Assert.Equal(major, tool.MajorVersion);
    }

    [Theory]
    [InlineData("15.18", "15", true)]
    [InlineData("15.18", "14", true)]
    [InlineData("14.2", "15", false)]
    [InlineData("9.6.24", "9.3", true)]
    [InlineData("9.6.24", "9.2", false)]
    [InlineData("15.18", null, null)]
    public void A_client_is_compatible_with_servers_up_to_its_own_major(string tool, string? server, bool? expected) =>
        Assert.Equal(expected, new ClientTool("pg_basebackup", "/x", tool).CompatibleWith(server));
}
