namespace TransitionTracker.TestSupport;

/// <summary>Finds a program the way <c>command -v</c> would, for tests that drive a real tool (a browser, a proxy).</summary>
public static class Executable
{
    /// <summary>
    /// The full path of the executable <paramref name="name"/> in a folder on PATH, else at
    /// <paramref name="fallback"/> (where Debian installs it), or null when it is in neither.
    /// </summary>
    public static string? Find(string name, string fallback)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return IsExecutableFile(fallback) ? fallback : null;
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
