// The version line: the Barman release we are a drop-in for.
namespace Barman.Cli.Hosting;

internal static class BarmanVersion
{
    public const string Number = "3.4.0";

    public const string Line = Number + " Barman for .NET (drop-in for Barman by EnterpriseDB)";
}
