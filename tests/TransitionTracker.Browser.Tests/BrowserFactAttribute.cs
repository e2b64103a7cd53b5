namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A fact that needs Chromium. Without Chromium it is skipped, saying what is missing; when CI=true it is
/// not skipped, so <see cref="BrowserAppFixture"/> fails it with the same message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = TestEnvironment.SkipReason(Chromium.ExecutablePath is null ? Chromium.MissingMessage : null);
    }
}
