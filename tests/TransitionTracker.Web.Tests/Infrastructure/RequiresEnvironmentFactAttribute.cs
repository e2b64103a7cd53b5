namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// A fact that needs a real server named by environment variables (e.g. TEST_POSTGRES). Without them it is
/// skipped, saying which are missing; when CI=true it runs, and <see cref="TestEnvironment.Require"/> fails it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresEnvironmentFactAttribute : FactAttribute
{
    public RequiresEnvironmentFactAttribute(params string[] variables)
    {
        if (TestEnvironment.Missing(variables) is { } message && !TestEnvironment.RunningInCi)
        {
            Skip = message + " (Set CI=true to make this a failure instead of a skip.)";
        }
    }
}
