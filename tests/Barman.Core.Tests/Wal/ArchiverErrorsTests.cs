// ArchiverErrors counts errors/ as check's "archiver errors" line reports it.
using Barman.Core.Wal;

namespace Barman.Core.Tests.Wal;

public sealed class ArchiverErrorsTests
{
    [Fact]
    public void Archiver_errors_hint_reads_as_barman_prints_it()
    {
        using var home = new TempBarman();
        File.WriteAllText(Path.Combine(home.Server.ErrorsDirectory, "000000010000000000000012.20261124T230916Z.duplicate"), "x");
        File.WriteAllText(Path.Combine(home.Server.ErrorsDirectory, "garbage.txt.20261124T230916Z.unknown"), "x");

        var errors = ArchiverErrors.Count(home.Server);

        Assert.Equal("duplicates: 1, unknown: 1", errors.Hint);
    }
}
