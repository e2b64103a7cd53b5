namespace TransitionTracker.TestSupport;

/// <summary>
/// The PostgreSQL server for tests: <c>TEST_POSTGRES</c>, a connection string without a database name for a role that
/// may create databases (docs/operations.md#postgresql). Each test works in a throwaway <see cref="PostgresTestDatabase"/>.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "TEST_POSTGRES";

    /// <summary>The server's connection string, or null when <c>TEST_POSTGRES</c> is not set.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>The server's connection string; a test that gets here without it (under CI=true) fails with the reason.</summary>
    public static string Require() => TestEnvironment.Require(Variable);
}
