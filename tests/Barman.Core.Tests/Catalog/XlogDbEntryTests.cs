// Round trip of every xlog.db line barman wrote in the reference (layout/04-xlog-db-and-wals.txt).
using Barman.Core.Catalog;

namespace Barman.Core.Tests.Catalog;

public sealed class XlogDbEntryTests
{
    public static TheoryData<string> ReferenceLines()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "xlog-db-reference.txt")))
        {
            data.Add(line + "\n");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ReferenceLines))]
    public void Format_of_Parse_gives_back_the_same_bytes(string line)
    {
        // Arrange + Act
        var entry = XlogDbEntry.TryParse(line);

        // Assert
        Assert.NotNull(entry);
        Assert.Equal(line, entry.Format());
    }

    [Fact]
    public void The_reference_holds_every_line_of_both_servers()
    {
        Assert.Equal(23, ReferenceLines().Count);
    }

    [Fact]
    public void Parse_reads_fields_and_None_compression()
    {
        var entry = XlogDbEntry.TryParse("00000001000000000000000B.00000028.backup\t198\t1795561272.701051\tNone\n");
        Assert.Equal(new XlogDbEntry("00000001000000000000000B.00000028.backup", 198, 1795561272.701051, null), entry);
        Assert.Equal("00000001000000000000000B.00000028.backup\t198\t1795561272.701051\tNone\n", entry!.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("000000010000000000000007\t16461\t1795561266.8078122")]
    [InlineData("000000010000000000000007\tabc\t1795561266.8078122\tgzip")]
    [InlineData("000000010000000000000007\t16461\tnow\tgzip")]
    [InlineData("000000010000000000000007\t-1\t1795561266.8\tgzip")]
    public void Malformed_lines_are_rejected(string line)
    {
        Assert.Null(XlogDbEntry.TryParse(line));
    }
}
