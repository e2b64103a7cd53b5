namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>The web app as built next to this test run's configuration, for tests that run it as its own process.</summary>
public static class BuiltWebApp
{
    /// <summary>The app's dll, and its project folder (for the real appsettings files).</summary>
    public static (string Dll, string ContentRoot) Location()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TransitionTracker.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var project = Path.Combine(root.FullName, "src", "TransitionTracker.Web");
        var dll = Path.Combine(project, "bin", configuration, testOutput.Name, "TransitionTracker.Web.dll");
        Assert.True(File.Exists(dll), $"The web app is not built at {dll}.");
        return (dll, project);
    }
}
