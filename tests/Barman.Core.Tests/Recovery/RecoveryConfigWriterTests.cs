// The postgresql.auto.conf lines for each target, as layout/recover-*.txt shows them.
using Barman.Core.Recovery;

namespace Barman.Core.Tests.Recovery;

public sealed class RecoveryConfigWriterTests
{
    private const string Restore = "restore_command = 'cp barman_wal/%f %p'";
    private const string End = "recovery_end_command = 'rm -fr barman_wal'";

    public static TheoryData<RecoveryTarget, string[]> Layouts => new()
    {
        { RecoveryTarget.None with { Time = "2026-11-24 23:03:29.646049+00:00" }, [Restore, End, "recovery_target_time = '2026-11-24 23:03:29.646049+00:00'"] },
        { RecoveryTarget.None with { Xid = "739", Exclusive = true }, [Restore, End, "recovery_target_xid = '739'", "recovery_target_inclusive = 'False'"] },
        { RecoveryTarget.None with { Lsn = "0/12040F70", Action = "pause" }, [Restore, End, "recovery_target_lsn = '0/12040F70'", "recovery_target_action = 'pause'"] },
        { RecoveryTarget.None with { Name = "after_batch_1", Action = "shutdown" }, [Restore, End, "recovery_target_name = 'after_batch_1'", "recovery_target_action = 'shutdown'"] },
        { RecoveryTarget.None with { Immediate = true }, [Restore, End, "recovery_target = 'immediate'"] },
        { RecoveryTarget.None with { Time = "Nov 24 2026 11:03:29 PM", Timeline = "1" }, [Restore, End, "recovery_target_time = 'Nov 24 2026 11:03:29 PM'", "recovery_target_timeline = 1"] },
        { RecoveryTarget.None, [Restore, End] },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Lines_match_the_reference_layout(RecoveryTarget target, string[] expected)
    {
        Assert.Equal(expected, RecoveryConfigWriter.Lines(target, "pg-main", getWal: null));
    }

    [Fact]
    public void Get_wal_calls_our_barman_with_its_config_and_no_user_switch()
    {
        var getWal = new GetWalRestore("/usr/bin/barman", "/srv/ref/barman.conf", "barman", SwitchUser: false);

        var lines = RecoveryConfigWriter.Lines(RecoveryTarget.None with { Time = "2026-11-24 23:03:35.706183+00:00" }, "pg-main", getWal);

        Assert.Equal(
            [
                "# The 'barman get-wal' command must run as 'barman' user",
                "restore_command = '/usr/bin/barman -c /srv/ref/barman.conf get-wal -P pg-main %f > %p'",
                "recovery_target_time = '2026-11-24 23:03:35.706183+00:00'",
            ],
            lines);
    }

    [Fact]
    public void Get_wal_with_a_user_switch_and_a_path_with_spaces_is_quoted_for_the_shell_and_the_config_file()
    {
        var getWal = new GetWalRestore("barman", "/etc/my barman.conf", "barman", SwitchUser: true);

        var lines = RecoveryConfigWriter.Lines(RecoveryTarget.None, "pg-main", getWal);

        Assert.Equal("restore_command = 'sudo -u barman barman -c ''/etc/my barman.conf'' get-wal -P pg-main %f > %p'", lines[1]);
    }
}
