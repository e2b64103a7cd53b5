namespace TransitionTracker.TestSupport;

/// <summary>
/// A fact that needs a real server named by environment variables (e.g. TEST_POSTGRES_OUTAGE). Without them it is
/// skipped, saying which are missing; when CI=true it runs, and <see cref="TestEnvironment.Require"/> fails it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresEnvironmentFactAttribute : FactAttribute
{
    public RequiresEnvironmentFactAttribute(params string[] variables)
    {
        Skip = TestEnvironment.SkipReason(TestEnvironment.Missing(variables));
    }
}
