namespace TransitionTracker.TestSupport;

/// <summary>
/// A test of something only PostgreSQL does (row locks that another transaction waits on, for example). It runs in the
/// pass with <c>TEST_DATABASE_PROVIDER=Postgres</c> and is skipped, saying so, in the default SQLite pass.
/// </summary>
public sealed class PostgresPassFactAttribute : FactAttribute
{
    public PostgresPassFactAttribute()
    {
        var provider = Environment.GetEnvironmentVariable(TestDatabases.ProviderVariable);
        if (!string.Equals(provider?.Trim(), "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"PostgreSQL-only; it runs in the pass with {TestDatabases.ProviderVariable}=Postgres.";
        }
    }
}
