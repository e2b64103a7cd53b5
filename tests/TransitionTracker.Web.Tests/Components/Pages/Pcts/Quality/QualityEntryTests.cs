using System.Net;
using AngleSharp.Dom;
using TransitionTracker.Application.Quality;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Pcts.Quality;

/// <summary>
/// The quality and finance page as first served: the month's fields with their plausible ranges, the upload and its
/// template, and the latest months. Entering and uploading are live (see <see cref="QualityPageTests"/>).
/// </summary>
[Collection(SharedAppCollection.Name)]
public sealed class QualityEntryTests(TransitionTrackerFactory factory)
{
    private const string Page = "/pcts/5D7/quality";
    private const string Header = "month,qipp_planned_k,qipp_delivered_k,emergency_admissions_change_pct,winter_plan,rtt_admitted_pct,rtt_non_admitted_pct";
    private readonly HttpClient _manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

    [Fact]
    public async Task Template_has_the_header_the_upload_expects()
    {
        var response = await _manager.GetAsync("/pcts/5D7/quality/template.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith(Header + "\r\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_each_field_with_its_plausible_range_the_upload_and_the_latest_months()
    {
        var (response, page) = await HtmlPage.GetAsync(_manager, Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Quality and finance indicators", page.QuerySelector("h1")!.Text().Trim());
        foreach (var rule in QualityIndicatorRules.Numbers)
        {
            Assert.NotNull(page.QuerySelector($"input#{rule.Field}"));
            Assert.Contains(rule.Hint, page.QuerySelector($"[data-field={rule.Field}]")!.Text(), StringComparison.Ordinal);
        }

        Assert.Equal("/pcts/5D7/quality/template.csv", page.QuerySelector("#template")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#choose-file"));
        Assert.Equal(6, page.QuerySelectorAll("#recent-months tbody tr").Length);
        Assert.All(page.QuerySelectorAll("#recent-months .app-rag"), tag => Assert.Contains(tag.Text().Trim(), new[] { "Red", "Amber", "Green" }));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }
}
