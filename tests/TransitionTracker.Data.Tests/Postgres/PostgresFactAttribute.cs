namespace TransitionTracker.Data.Tests.Postgres;

/// <summary>
/// A fact that needs PostgreSQL. Skipped, saying what is missing, when TEST_POSTGRES is not set; when CI=true it is
/// not skipped, so <see cref="PostgresTestDatabase"/> fails it with the same message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ServerConnectionString is null && !TestPostgres.RunningInCi)
        {
            Skip = TestPostgres.MissingMessage + " (Set CI=true to make this a failure instead of a skip.)";
        }
    }
}
