namespace TransitionTracker.Data.Tests;

/// <summary>
/// A fact that needs a PostgreSQL server named by TEST_POSTGRES. Without it the fact is skipped, saying what is
/// missing; when CI=true it is not skipped, so <see cref="PostgresServer"/> fails it with the same message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.ConnectionString is null && !PostgresServer.RunningInCi)
        {
            Skip = PostgresServer.MissingMessage + " (Set CI=true to make this a failure instead of a skip.)";
        }
    }
}
