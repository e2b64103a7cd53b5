namespace TransitionTracker.TestSupport;

/// <summary>
/// Finds the Debian <c>chromium</c> executable as <see cref="Executable.Find"/> does: each folder on PATH, then
/// <c>/usr/bin/chromium</c>. Playwright's own browser download is not used (see docs on the toolchain).
/// </summary>
public static class Chromium
{
    public const string ExecutableName = "chromium";
    private const string DebianLocation = "/usr/bin/chromium";

    /// <summary>Arguments that keep Chromium quiet and self-contained when run headless as root in a container.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private static readonly Lazy<string?> Found = new(() => Executable.Find(ExecutableName, DebianLocation));

    /// <summary>The full path of the chromium executable, or null when it is not installed.</summary>
    public static string? ExecutablePath => Found.Value;

    public static string MissingMessage =>
        $"Chromium is missing: no executable named '{ExecutableName}' on PATH or at {DebianLocation}. " +
        "Install it with 'apt-get install -y chromium'.";
}
