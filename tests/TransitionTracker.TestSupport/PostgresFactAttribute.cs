namespace TransitionTracker.TestSupport;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>TEST_POSTGRES</c> (<see cref="PostgresServer"/>). Without it the
/// fact is skipped, saying what is missing; when CI=true it runs, and <see cref="PostgresServer.Require"/> fails it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestEnvironment.SkipReason(TestEnvironment.Missing(PostgresServer.Variable));
    }
}
