using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Data.Versioning;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.Telemetry;

/// <summary>
/// The app's own counters move when a user does the thing they count (docs/operations.md, "Telemetry"). Each test
/// listens to its own app's meter only and compares totals before and after, so other tests' apps do not interfere.
/// </summary>
public sealed class AppCountersTests : IDisposable
{
    private const string Checklist = "/consortia/00G/assessments/gp-consortium-readiness-2010";
    private readonly TransitionTrackerFactory _factory = new();

    // The assessment journeys start from a consortium that has never been assessed: its demo history is removed first.
    public AppCountersTests()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        db.Assessments.Where(a => a.ConsortiumCode == "00G" && a.FrameworkId == ShippedFrameworks.DefaultFramework.Id).ExecuteDelete();
    }

    [Fact]
    public async Task Submitting_an_assessment_counts_one_submission()
    {
        using var counters = new AppCounters(_factory.Services);
        var manager = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(manager);
        await FormPost.SubmitAsync(manager, DomainPage("governance"), "answers", new Dictionary<string, string> { ["answer.GOV-01"] = "met" });
        Assert.Equal(0, counters.Total("transition_tracker.assessments.submitted"));

        var submitted = await FormPost.SubmitAsync(manager, Checklist + "/check", "submit", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(1, counters.Total("transition_tracker.assessments.submitted"));
    }

    [Fact]
    public async Task A_save_based_on_an_old_page_counts_one_conflict_for_assessments()
    {
        using var counters = new AppCounters(_factory.Services);
        var first = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        var second = _factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));
        await StartAsync(first);
        var (_, firstPage) = await HtmlPage.GetAsync(first, DomainPage("governance"));
        var (_, secondPage) = await HtmlPage.GetAsync(second, DomainPage("governance"));

        var saved = await first.PostAsync(DomainPage("governance"), Form(firstPage, new() { ["answer.GOV-01"] = "met" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(0, counters.Total("transition_tracker.edits.conflicts", "Assessment"));

        var refused = await second.PostAsync(DomainPage("governance"), Form(secondPage, new() { ["answer.GOV-01"] = "not_started" }));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, counters.Total("transition_tracker.edits.conflicts", "Assessment"));
    }

    [Fact]
    public async Task A_read_asked_for_twice_with_no_change_between_is_a_miss_then_a_hit()
    {
        await using (var db = _factory.Database.OpenContext())
        {
            await DataVersion.RestampAsync(db, CancellationToken.None);
        }

        using var counters = new AppCounters(_factory.Services);
        using var client = _factory.CreateClientFor(DemoAccountSeeder.National);
        const string read = "ReadinessAsync";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00H/readiness")).StatusCode);
        Assert.Equal((1, 0), (counters.Total("transition_tracker.read_cache.misses", read), counters.Total("transition_tracker.read_cache.hits", read)));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia/00H/readiness")).StatusCode);
        Assert.Equal((1, 1), (counters.Total("transition_tracker.read_cache.misses", read), counters.Total("transition_tracker.read_cache.hits", read)));
    }

    public void Dispose() => _factory.Dispose();

    private static string DomainPage(string domain) => $"{Checklist}/domains/{domain}";

    private static FormUrlEncodedContent Form(IDocument page, Dictionary<string, string> changes) =>
        new(FormPost.ValuesOf(page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value=answers]") is not null), changes));

    private static async Task StartAsync(HttpClient client)
    {
        var started = await FormPost.SubmitAsync(client, Checklist, "start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
    }
}
