namespace TransitionTracker.TestSupport;

/// <summary>
/// Finds the Debian <c>chromium</c> executable the way <c>command -v chromium</c> would: each folder on PATH,
/// then <c>/usr/bin/chromium</c>. Playwright's own browser download is not used (see docs on the toolchain).
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

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The full path of the chromium executable, or null when it is not installed.</summary>
    public static string? ExecutablePath => Found.Value;

    public static string MissingMessage =>
        $"Chromium is missing: no executable named '{ExecutableName}' on PATH or at {DebianLocation}. " +
        "Install it with 'apt-get install -y chromium'.";

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, ExecutableName);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return IsExecutableFile(DebianLocation) ? DebianLocation : null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
