extern alias benchmarks;

using System.Globalization;
using System.Text.RegularExpressions;
using benchmarks::TransitionTracker.Benchmarks.Circuits;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// The load driver of docs/performance.md ("Load: users at work") run briefly against an app of its own with each of
/// its clients: what it clicks and reads is the app's markup, so a change to the pages that would break the load runs
/// fails here instead of in the next measurement. Run on their own: the driver reports on the console, and drives the
/// machine's cores.
/// </summary>
[Collection(nameof(LoadDriverTests))]
public sealed partial class LoadDriverTests(LoadDriverTests.OwnApp app) : IClassFixture<LoadDriverTests.OwnApp>
{
    [BrowserFact]
    public Task The_protocol_client_drives_live_pages_as_users_work_them_without_errors() => DriveAsync("protocol");

    [BrowserFact]
    public Task The_browser_client_drives_live_pages_as_users_work_them_without_errors() => DriveAsync("browser");

    private async Task DriveAsync(string client)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = Console.Out;
        int exit;
        Console.SetOut(output);
        try
        {
            // Three pages: two dashboards and a checklist, a few actions each.
            exit = await UserLoad.RunAsync([
                "--client", client, "--base", app.BaseAddress.ToString(), "--password", DemoAccountSeeder.DefaultPassword,
                "--reference-data", Path.Combine(BuiltWebApp.RepositoryRoot(), "src", "TransitionTracker.Data", "ReferenceData"),
                "--circuits", "3", "--duration", "8", "--warm-up", "0", "--think", "1000"]);
        }
        finally
        {
            Console.SetOut(console);
        }

        var report = output.ToString();
        Assert.True(exit == 0, report);
        var summary = LoadLine().Match(report);
        Assert.True(summary.Success, report);
        Assert.True(int.Parse(summary.Groups["actions"].Value, CultureInfo.InvariantCulture) >= 6, report);
        Assert.Equal("0", summary.Groups["errors"].Value);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Matches(@"answers: [1-9]\d* saved", report);
    }

    [GeneratedRegex(@"^LOAD circuits=3 actions=(?<actions>\d+) errors=(?<errors>\d+) .* failed=(?<failed>\d+)", RegexOptions.Multiline)]
    private static partial Regex LoadLine();

    /// <summary>An app of its own: the driver's checklist users change drafts other browser tests read.</summary>
    public sealed class OwnApp : BrowserAppFixture;
}

[CollectionDefinition(nameof(LoadDriverTests), DisableParallelization = true)]
public sealed class LoadDriverCollection;
