namespace TransitionTracker.TestSupport;

/// <summary>Environment variables naming the real servers some tests need; CI (.ci/run) sets them all.</summary>
public static class TestEnvironment
{
    /// <summary>Where each variable is explained: what it names and how to get such a server locally.</summary>
    private static readonly Dictionary<string, string> Documentation = new(StringComparer.Ordinal)
    {
        ["TEST_POSTGRES"] = "docs/operations.md#postgresql",
        ["TEST_POSTGRES_OUTAGE"] = "docs/operations.md#when-the-database-is-unavailable",
        ["TEST_POSTGRES_OUTAGE_CLUSTER"] = "docs/operations.md#when-the-database-is-unavailable",
    };

    public static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the test cannot run (which variables are unset), or null when all are set.</summary>
    public static string? Missing(params string[] variables)
    {
        var missing = variables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        return missing.Count == 0 ? null : MissingMessage(missing);
    }

    /// <summary>The skip reason for these unset variables, pointing at the doc that explains them.</summary>
    public static string MissingMessage(IReadOnlyList<string> missing)
    {
        var docs = missing.Select(v => Documentation.GetValueOrDefault(v, "docs/operations.md")).Distinct(StringComparer.Ordinal);
        return $"Needs environment variable(s) {string.Join(", ", missing)}; .ci/run sets them (see {string.Join(" and ", docs)}).";
    }

    /// <summary>
    /// The reason to skip a test that needs something <paramref name="missing"/> names (null when nothing is missing),
    /// or null when it runs: under CI=true a missing server or tool is a failure of the test itself, never a skip.
    /// </summary>
    public static string? SkipReason(string? missing) =>
        missing is not null && !RunningInCi ? missing + " (Set CI=true to make this a failure instead of a skip.)" : null;

    /// <summary>The variable's value; a test that gets here without it fails with the reason.</summary>
    public static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(MissingMessage([variable]));
}
