// restore-test: a verified restore on a private socket, the answer of the queries, the annotation, and clean-up.
namespace Barman.IntegrationTests.Recovery;

[Collection(PitrCollection.Name)]
public sealed class RestoreTestTests(PitrScenarioFixture f)
{
    private string Annotation => File.ReadAllText(Path.Combine(f.Backup.Directory, "annotations", "restore_test"));

    [Fact]
    public void Restore_test_of_latest_answers_the_queries_records_OK_and_removes_the_copy()
    {
        // Arrange
        var work = RecoveredCopy.NewDestination(f, "rt");
        Directory.CreateDirectory(work);

        // Act
        var run = RecoveredCopy.Barman(f, ["restore-test", "pg-main", "--directory", work, "--query", "SELECT count(*) FROM pitr_test"]);

        // Assert
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Query 'SELECT 1': 1", run.Lines);
        Assert.Contains("Query 'SELECT count(*) FROM pitr_test': 300", run.Lines);
        Assert.Contains(run.Lines, l => l.StartsWith("Restore test OK (copy: ", StringComparison.Ordinal));
        Assert.StartsWith("status=OK\n", Annotation, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(work));
        Assert.Equal("1", f.Cluster.Psql("SELECT 1"));
    }

    [Fact]
    public void Restore_test_to_a_restore_point_sees_only_batch_1()
    {
        var work = RecoveredCopy.NewDestination(f, "rt-name");
        Directory.CreateDirectory(work);

        var run = RecoveredCopy.Barman(f, ["restore-test", "pg-main", "latest", "--target-name", "after_batch_1", "--directory", work, "--query", "SELECT count(*) FROM pitr_test"]);

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Contains("Query 'SELECT count(*) FROM pitr_test': 100", run.Lines);
    }

    [Fact]
    public void A_failing_query_fails_the_test_and_records_FAILED()
    {
        var work = RecoveredCopy.NewDestination(f, "rt-fail");
        Directory.CreateDirectory(work);

        var run = RecoveredCopy.Barman(f, ["restore-test", "pg-main", "--directory", work, "--query", "SELECT * FROM no_such_table"]);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"ERROR: Restore test of backup {f.Backup.BackupId} failed: Query 'SELECT * FROM no_such_table' failed:", run.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("status=FAILED\n", Annotation, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(work));
    }
}
