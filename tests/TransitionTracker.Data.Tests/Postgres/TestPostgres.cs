namespace TransitionTracker.Data.Tests.Postgres;

/// <summary>The PostgreSQL server for tests: env TEST_POSTGRES, a connection string without a database name.</summary>
public static class TestPostgres
{
    public const string Variable = "TEST_POSTGRES";

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool RunningInCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        $"PostgreSQL tests need {Variable} (e.g. Host=127.0.0.1;Port=5432;Username=...;Password=...), which is not set.";
}
