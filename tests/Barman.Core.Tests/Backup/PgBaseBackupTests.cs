// Tests src/Barman.Core/Backup/PgBaseBackup.cs and BackupLabel.cs: the argv barman runs and the backup_label fields.
using Barman.Core.Backup;
using Barman.Core.Tests.Catalog;

namespace Barman.Core.Tests.Backup;

public sealed class PgBaseBackupTests
{
    [Fact]
    public void The_command_line_is_plain_format_without_wal_or_slot_and_fast_checkpoint_on_request()
    {
        // Arrange
        using var f = new CatalogFixture();

        // Act
        var spec = PgBaseBackup.BuildSpec("/usr/lib/postgresql/15/bin/pg_basebackup", f.Server, "/b/base/X/data", immediateCheckpoint: true,
            [("/srv/tbs", "/b/base/X/16387")], bandwidthLimitKbps: 1000);

        // Assert
        Assert.Equal("/usr/lib/postgresql/15/bin/pg_basebackup", spec.File);
        Assert.Equal<string>(
            [
                "--dbname=dbname=replication host=127.0.0.1 options=-cdatestyle=iso port=55301 replication=true application_name=barman_streaming_backup",
                "-v", "--no-password", "--pgdata=/b/base/X/data", "--no-slot", "--wal-method=none",
                "--tablespace-mapping=/srv/tbs=/b/base/X/16387", "--max-rate=1000", "--checkpoint=fast",
            ],
            spec.Args.ToArray());
    }

    [Fact]
    public void A_spread_checkpoint_adds_no_checkpoint_option()
    {
        // Arrange
        using var f = new CatalogFixture();

        // Act
        var spec = PgBaseBackup.BuildSpec("pg_basebackup", f.Server, "/d", immediateCheckpoint: false, [], bandwidthLimitKbps: null);

        // Assert
        Assert.DoesNotContain(spec.Args, a => a.StartsWith("--checkpoint", StringComparison.Ordinal) || a.StartsWith("--max-rate", StringComparison.Ordinal));
    }

    [Fact]
    public void The_backup_label_gives_start_location_wal_and_timeline()
    {
        // Act
        var label = BackupLabel.TryParse("START WAL LOCATION: 0/11000028 (file 000000020000000000000011)\nCHECKPOINT LOCATION: 0/11000060\n");

        // Assert
        Assert.Equal(new BackupLabel("0/11000028", "000000020000000000000011", 2), label);
        Assert.Null(BackupLabel.TryParse("garbage"));
    }
}
