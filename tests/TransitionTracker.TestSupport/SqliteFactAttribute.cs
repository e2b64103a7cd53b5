namespace TransitionTracker.TestSupport;

/// <summary>
/// A test of something only SQLite has (its database file, online backup, file restore). It runs in the default
/// SQLite pass and is skipped, saying so, in the pass with <c>TEST_DATABASE_PROVIDER=Postgres</c>.
/// </summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        var provider = Environment.GetEnvironmentVariable(TestDatabases.ProviderVariable);
        if (!string.IsNullOrWhiteSpace(provider) && !provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"SQLite-only; this pass runs on {provider} and the default SQLite pass runs it.";
        }
    }
}
