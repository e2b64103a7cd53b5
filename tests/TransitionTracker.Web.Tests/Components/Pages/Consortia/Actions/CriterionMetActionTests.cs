using System.Text.Json;
using AngleSharp.Dom;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia.Actions;

/// <summary>
/// An open action whose criterion the consortium's latest submitted assessment marks met is not overdue anywhere: not
/// on the consortium's pages, not in the region's count or list, not in the API. Its own database; the clock is 15
/// March 2011, years before the demo history's actions fall due, so only the actions added here can be overdue.
/// </summary>
public sealed class CriterionMetActionTests : IDisposable
{
    private static readonly string Manager = DemoAccountSeeder.PctManager("5D7");

    private const string MetDescription = "Met already but still open";
    private const string LateDescription = "Not met and late";

    private readonly ClockedFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_action_for_a_criterion_the_latest_submission_marks_met_is_offered_for_closing_instead_of_flagged_overdue()
    {
        var manager = await AddBothAsync();

        var (_, actionsPage) = await HtmlPage.GetAsync(manager, "/consortia/00H/actions");
        var (_, consortiumPage) = await HtmlPage.GetAsync(manager, "/consortia/00H");
        foreach (var page in new[] { actionsPage, consortiumPage })
        {
            var row = Row(page, MetDescription);
            Assert.Empty(row.QuerySelectorAll(".app-tag-overdue"));
            Assert.Equal(["Criterion met — close this action?"], row.QuerySelectorAll(".app-tag-ready").Select(t => t.Text()));
        }

        var intro = actionsPage.QuerySelector("h1 + p")!.Text();
        Assert.DoesNotContain("overdue", intro, StringComparison.Ordinal);
        Assert.Contains("1 open action is for a criterion now met", intro, StringComparison.Ordinal);
        var (_, lateActions) = await HtmlPage.GetAsync(manager, "/consortia/00G/actions");
        Assert.Equal(["Overdue"], Row(lateActions, LateDescription).QuerySelectorAll(".app-tag-overdue").Select(t => t.Text()));
    }

    [Fact]
    public async Task An_action_for_a_criterion_the_latest_submission_marks_met_is_not_counted_or_listed_overdue_on_the_dashboards()
    {
        await AddBothAsync();
        var national = _factory.CreateClientFor(DemoAccountSeeder.National);

        var (_, region) = await HtmlPage.GetAsync(national, "/regions/Q30");
        var (_, country) = await HtmlPage.GetAsync(national, "/national");
        using var summary = JsonDocument.Parse(await national.GetStringAsync("/api/regions/Q30/summary"));

        Assert.Equal("1", region.QuerySelector("[data-figure=overdue-actions]")!.Text());
        Assert.Equal([LateDescription], region.QuerySelectorAll("#overdue-table tbody tr").Select(r => r.QuerySelectorAll("td")[1].Text()));
        Assert.Equal("1", country.QuerySelector("tr[data-region=Q30] td[data-label='With overdue actions']")!.Text());
        Assert.Equal(1, summary.RootElement.GetProperty("overdueActions").GetInt32());
    }

    // Both due yesterday and not done: one in 00H for a criterion its latest submission marks met, one in 00G for a
    // criterion its latest submission does not.
    private async Task<HttpClient> AddBothAsync()
    {
        var manager = _factory.CreateClientFor(Manager);
        var metIn00H = (await ActionForms.LatestAnswersAsync(_factory, "00H")).First(a => a.Value == ResponseStatus.Met).Key;
        await AddDueYesterdayAsync("00H", metIn00H, MetDescription);
        await AddDueYesterdayAsync("00G", await ActionForms.CriterionNotMetAsync(_factory, "00G"), LateDescription);
        return manager;
    }

    private async Task AddDueYesterdayAsync(string consortium, string criterion, string description)
    {
        var outcome = await ActionForms.AddAsync(_factory, Manager, consortium, ActionForms.Form(criterion, description, "PCT development lead", "14", "3", "2011"));
        Assert.True(outcome.IsSaved);
    }

    private static IElement Row(IDocument page, string description) =>
        Assert.Single(page.QuerySelectorAll("tbody tr"), r => r.QuerySelectorAll("td").Length > 1 && r.QuerySelectorAll("td")[1].Text() == description);
}
