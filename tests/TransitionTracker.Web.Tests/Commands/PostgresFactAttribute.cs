namespace TransitionTracker.Web.Tests.Commands;

/// <summary>
/// A fact that needs the PostgreSQL server named by TEST_POSTGRES. Without it the fact is skipped, saying so;
/// when CI=true it is not skipped, so the test itself fails on the missing variable instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"No PostgreSQL server: set {Variable} to a connection string (without Database) for a role that may create databases. (Set CI=true to make this a failure instead of a skip.)";
        }
    }

    /// <summary>The server's connection string; fails the test when it is missing.</summary>
    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException($"{Variable} is not set, and CI=true requires the PostgreSQL tests to run.");
}
