// Facts and theories that compare with the real barman: skipped (visibly) where /usr/bin/barman is not installed.
namespace Barman.Cli.Tests.Support;

public sealed class OracleFactAttribute : FactAttribute
{
    public OracleFactAttribute()
    {
        if (!File.Exists(CliRunner.RealBarman))
        {
            Skip = $"{CliRunner.RealBarman} is not installed (./test.sh installs it)";
        }
    }
}

public sealed class OracleTheoryAttribute : TheoryAttribute
{
    public OracleTheoryAttribute()
    {
        if (!File.Exists(CliRunner.RealBarman))
        {
            Skip = $"{CliRunner.RealBarman} is not installed (./test.sh installs it)";
        }
    }
}
