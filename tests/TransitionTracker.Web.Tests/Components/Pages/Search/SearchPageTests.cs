using System.Net;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Search;

[Collection(SharedAppCollection.Name)]
public sealed class SearchPageTests(TransitionTrackerFactory factory)
{
    [Fact]
    public async Task Results_link_to_each_hit_and_stay_within_the_readers_scope()
    {
        using var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var (response, page) = await HtmlPage.GetAsync(manager, "/search?q=pct");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Search: pct – Transition Tracker", page.Title);
        var rows = page.BodyRows("Search results");
        var links = rows.Select(r => (r.QuerySelector("a")!.Text(), r.QuerySelector("a")!.GetAttribute("href"))).ToList();
        Assert.Contains(("Newcastle PCT", "/pcts/5D7"), links);
        Assert.DoesNotContain(links, l => l.Item2 == "/pcts/5D8");
        Assert.Equal("pct", page.QuerySelector("input#search-text")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Administrators_find_users_and_others_do_not()
    {
        using var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        using var national = factory.CreateClientFor(DemoAccountSeeder.National);
        var address = "/search?q=" + Uri.EscapeDataString(DemoAccountSeeder.Regional("Q30"));

        var (_, adminPage) = await HtmlPage.GetAsync(admin, address);
        var (_, nationalPage) = await HtmlPage.GetAsync(national, address);

        Assert.Contains(adminPage.BodyRows("Search results"), r => r.QuerySelector("a")!.GetAttribute("href")!.StartsWith("/admin/users/", StringComparison.Ordinal));
        Assert.Empty(nationalPage.QuerySelectorAll("table"));
        Assert.Contains("Nothing you may open matches", nationalPage.QuerySelector("main")!.Text());
    }

    [Theory]
    [InlineData("/search", "")]
    [InlineData("/search?q=N", "Enter at least 2 characters")]
    [InlineData("/search?q=%25%25", "Nothing you may open matches")]
    public async Task Empty_short_and_unmatched_searches_say_so(string address, string message)
    {
        using var national = factory.CreateClientFor(DemoAccountSeeder.National);

        var (response, page) = await HtmlPage.GetAsync(national, address);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Empty(page.QuerySelectorAll("table"));
        Assert.Contains(message, page.QuerySelector("main")!.Text());
    }
}
