namespace TransitionTracker.TestSupport;

/// <summary>The web app as built next to this test run's configuration, for tests that run it as its own process.</summary>
public static class BuiltWebApp
{
    /// <summary>The app's dll, and its project folder (for the real appsettings files).</summary>
    public static (string Dll, string ContentRoot) Location()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var project = Path.Combine(RepositoryRoot(), "src", "TransitionTracker.Web");
        var dll = Path.Combine(project, "bin", configuration, testOutput.Name, "TransitionTracker.Web.dll");
        Assert.True(File.Exists(dll), $"The web app is not built at {dll}.");
        return (dll, project);
    }

    /// <summary>The folder holding TransitionTracker.sln, above this test run's output.</summary>
    public static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TransitionTracker.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root.FullName;
    }
}
