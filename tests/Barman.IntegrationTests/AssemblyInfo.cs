// Integration tests drive real PostgreSQL clusters, which only this project's Linux CI provides.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

// Clusters are heavy on a 2-core machine: run test classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
