namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Read-only tests share one app instance on one seeded database.</summary>
[CollectionDefinition(Name)]
public sealed class SharedAppCollection : ICollectionFixture<TransitionTrackerFactory>
{
    public const string Name = "Shared app";
}
