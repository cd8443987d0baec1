// Shares one PITR scenario (cluster, backup, batches) between the recovery test classes.
namespace Barman.IntegrationTests.Recovery;

[CollectionDefinition(Name)]
public sealed class PitrCollection : ICollectionFixture<PitrScenarioFixture>
{
    public const string Name = "PITR scenario";
}
