using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Consortia;

/// <summary>The consortium page as its lead reads it, checked against the seeded demo history.</summary>
[Collection(SharedAppCollection.Name)]
public sealed class StatusPageTests(TransitionTrackerFactory factory)
{
    [Fact]
    public async Task The_track_in_plain_words_comes_first_after_the_heading_then_tabs_with_its_history_and_lessons_from_strong_consortia()
    {
        var lead = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (response, page) = await HtmlPage.GetAsync(lead, "/consortia/00G");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The heading, then the header: the track card first, the blockers and the reader's next step; then the tabs.
        var header = page.QuerySelector("h1")!.NextElementSibling!;
        Assert.Equal("track", header.QuerySelector("[id]")!.Id);
        Assert.NotNull(header.QuerySelector("#blockers"));
        Assert.NotNull(header.QuerySelector("#next-action"));
        Assert.Equal(["Overview", "Readiness", "History", "Plan", "Actions", "Lessons", "Peers", "Changes"],
            page.QuerySelectorAll(".mud-tabs [role=tab]").Select(t => t.Text()).ToArray());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var history = await db.Assessments.AsNoTracking()
            .Where(a => a.ConsortiumCode == "00G" && a.FrameworkId == "gp-consortium-readiness-2010" && a.Status == AssessmentStatus.Submitted)
            .OrderBy(a => a.SubmittedAtUtc).ToListAsync();
        var latest = history[^1];
        var expected = latest.Track == Domain.Scoring.Track.FastMover ? "Fast mover: ready for full budgetary responsibility" : "Needs support: needs development support and more time";
        Assert.Equal(expected, page.QuerySelector(".app-track-headline")!.Text());
        Assert.Contains($"Overall score {latest.Score:0.0}", page.QuerySelector("#track")!.Text());
        Assert.Equal(history.Count, page.QuerySelectorAll("#history tbody tr").Length);

        // Lessons come from other consortia scoring at least 75 in one of this consortium's two weakest domains.
        var weakest = (await db.DomainScores.AsNoTracking().Where(d => d.AssessmentId == latest.Id && d.Score != null).ToListAsync())
            .OrderBy(d => d.Score).ThenBy(d => d.DomainId, StringComparer.Ordinal).Take(2).Select(d => d.DomainId).ToList();
        var cards = page.QuerySelectorAll("#lessons-from-others .mud-card");
        Assert.NotEmpty(cards);
        foreach (var card in cards)
        {
            var title = card.QuerySelector("h3")!.Text();
            var lesson = await db.Lessons.AsNoTracking().FirstAsync(l => l.Title == title && weakest.Contains(l.DomainId));
            Assert.NotEqual("00G", lesson.ConsortiumCode);
        }
    }

    [Fact]
    public async Task The_overview_opens_with_the_forecast_the_api_gives_and_what_is_left_to_close()
    {
        var lead = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (_, page) = await HtmlPage.GetAsync(lead, "/consortia/00G");
        using var api = factory.CreateClientFor(DemoAccountSeeder.National);
        var forecast = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/consortia/00G/forecast");

        var section = page.QuerySelector("#forecast")!;
        Assert.Equal("Forecast", section.QuerySelector("h2")!.Text());
        Assert.Equal(forecast.GetProperty("summary").GetString(), section.QuerySelector("#forecast-summary")!.Text());
        Assert.Equal(forecast.GetProperty("atRisk").GetBoolean(), section.QuerySelector("#forecast-risk") is not null);
        var toClose = forecast.GetProperty("criteriaToClose").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        Assert.Equal(toClose, section.QuerySelectorAll("#forecast-to-close li").Select(li => li.Text().Split(':')[0]).ToList());
        Assert.Contains("As at 31 March 2013", section.Text(), StringComparison.Ordinal);
        // First in the overview, before the next steps.
        Assert.Same(section, page.QuerySelector("#forecast, #next-steps-heading")!.Closest("section"));
    }

    [Fact]
    public async Task A_pct_manager_sees_the_links_to_change_things_and_a_lead_does_not()
    {
        var (_, managerPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7")), "/consortia/00G");
        var (_, leadPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G")), "/consortia/00G");
        var (_, regionalPage) = await HtmlPage.GetAsync(factory.CreateClientFor(DemoAccountSeeder.Regional("Q30")), "/consortia/00G");

        Assert.Contains(managerPage.QuerySelectorAll("a"), a => a.Text() == "Readiness checklist");
        Assert.DoesNotContain(leadPage.QuerySelectorAll("a"), a => a.Text() == "Readiness checklist");
        Assert.Contains(regionalPage.QuerySelectorAll("a"), a => a.Text().StartsWith("Confirm or override the track", StringComparison.Ordinal));
        Assert.DoesNotContain(leadPage.QuerySelectorAll("a"), a => a.Text().StartsWith("Confirm or override the track", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_address_names_the_open_tab_and_the_domain_to_open_and_an_unknown_one_opens_the_overview()
    {
        var lead = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (_, readiness) = await HtmlPage.GetAsync(lead, "/consortia/00G?tab=readiness&domain=governance");
        var (_, unknown) = await HtmlPage.GetAsync(lead, "/consortia/00G?tab=nonsense&domain=nonsense");

        Assert.Equal("Readiness", readiness.QuerySelector(".mud-tabs [role=tab][aria-selected=true]")!.Text());
        Assert.Equal(8, readiness.QuerySelectorAll("#domain-scores tbody tr").Length);
        var governance = readiness.QuerySelector("#domain-governance")!;
        Assert.Contains("mud-panel-expanded", governance.ClassName);
        Assert.NotEmpty(governance.QuerySelectorAll("ul[data-domain=governance] li"));
        Assert.All(readiness.QuerySelectorAll(".mud-expand-panel").Where(p => p.Id != "domain-governance"), p => Assert.DoesNotContain("mud-panel-expanded", p.ClassName));
        Assert.Equal("Overview", unknown.QuerySelector(".mud-tabs [role=tab][aria-selected=true]")!.Text());
        Assert.Empty(unknown.QuerySelectorAll(".mud-panel-expanded"));
    }

    [Fact]
    public async Task Each_tab_links_to_the_full_page_of_its_section_and_member_practices_are_a_grid()
    {
        var lead = factory.CreateClientFor(DemoAccountSeeder.ConsortiumLead("00G"));

        var (_, page) = await HtmlPage.GetAsync(lead, "/consortia/00G");

        var links = page.QuerySelectorAll(".mud-tabs a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var section in new[] { "history", "plan", "register", "lessons", "actions", "changes" })
        {
            Assert.Contains($"/consortia/00G/{section}", links);
        }

        var members = int.Parse(page.QuerySelectorAll(".app-facts > div").Single(d => d.QuerySelector("dt")!.Text() == "Member practices").QuerySelector("dd")!.Text(),
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(members > 0);
        var rows = page.QuerySelectorAll("#members table tbody tr");
        Assert.Equal(Math.Min(members, 10), rows.Length);
        Assert.Equal(["Practice", "Code", "PCT", "Joined", "List size"], rows[0].QuerySelectorAll("td").Select(td => td.GetAttribute("data-label") ?? "").ToArray());
        Assert.Null(page.QuerySelector("script[src*=chart]"));
    }

    [Fact]
    public async Task The_peers_tab_shows_what_the_api_gives_and_the_peers_are_read_only_when_it_is_open()
    {
        var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var (_, page) = await HtmlPage.GetAsync(manager, "/consortia/00G?tab=peers");
        var (_, overview) = await HtmlPage.GetAsync(manager, "/consortia/00G");
        var peers = await manager.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/consortia/00G/peers");

        Assert.Equal("Peers", page.QuerySelector(".mud-tabs [role=tab][aria-selected=true]")!.Text());
        var section = page.QuerySelector("#peers")!;
        Assert.Equal(peers.GetProperty("rule").GetString(), section.QuerySelector("#peers-rule")!.Text());
        var expected = peers.GetProperty("peers").EnumerateArray().ToList();
        var rows = section.QuerySelectorAll("tbody tr");
        Assert.Equal(expected.Select(p => p.GetProperty("code").GetString()), rows.Select(r => r.GetAttribute("data-peer")));
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(expected[i].GetProperty("took").GetString(), rows[i].QuerySelector(".app-peer-took")!.Text());
            Assert.Equal(expected[i].GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("link").GetString()),
                rows[i].QuerySelectorAll(".app-peer-lessons a").Select(a => a.GetAttribute("href")));
        }

        // 00H, which the manager also reads, is linked; the overview offers the tab and has not read the peers.
        Assert.Equal("/consortia/00H", section.QuerySelector("tr[data-peer=\"00H\"] a")!.GetAttribute("href"));
        Assert.Null(overview.QuerySelector("#peers"));
        Assert.Contains(overview.QuerySelectorAll(".mud-tabs a"), a => a.GetAttribute("href")!.EndsWith("/consortia/00G?tab=peers", StringComparison.Ordinal));
    }
}
