namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>Environment variables naming the real servers some tests need; CI (.ci/run) sets them all.</summary>
public static class TestEnvironment
{
    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the test cannot run (which variables are unset), or null when all are set.</summary>
    public static string? Missing(params string[] variables)
    {
        var missing = variables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        return missing.Count == 0
            ? null
            : $"Needs environment variable(s) {string.Join(", ", missing)}; .ci/run sets them (see README).";
    }

    /// <summary>The variable's value; a test that gets here without it fails with the reason.</summary>
    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(Missing(variable));
}
