using System.Globalization;
using System.Net;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages;

[Collection(SharedAppCollection.Name)]
public sealed class BrowsePagesTests(TransitionTrackerFactory factory)
{
    private readonly HttpClient _client = factory.CreateClientFor(DemoAccountSeeder.National);

    [Fact]
    public async Task Home_lists_the_ten_regions_with_their_pct_consortium_and_practice_counts()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(page.QuerySelectorAll("h1"));
        var rows = page.BodyRows("Strategic health authority regions");
        Assert.Equal(10, rows.Count);

        // PCTs per SHA as the reference data's sources give them (docs/data-sources.md).
        var expectedPcts = new Dictionary<string, int>
        {
            ["North East"] = 12, ["North West"] = 24, ["Yorkshire and the Humber"] = 14, ["East Midlands"] = 9,
            ["West Midlands"] = 17, ["East of England"] = 14, ["London"] = 31, ["South East Coast"] = 8,
            ["South Central"] = 9, ["South West"] = 14,
        };
        foreach (var row in rows)
        {
            var name = row.QuerySelector("a")!.Text();
            Assert.Equal(expectedPcts[name], Number(row, 1));
        }

        Assert.Equal(152, rows.Sum(r => Number(r, 1)));
        Assert.Equal(211, rows.Sum(r => Number(r, 2)));
        Assert.Equal(8058, rows.Sum(r => Number(r, 3)));
        Assert.InRange(rows.Sum(r => (long)Number(r, 4)), 55_950_000, 56_050_000);
    }

    [Fact]
    public async Task Region_page_lists_its_pcts_and_accepts_a_lower_case_code()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/regions/q30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("North East", page.QuerySelector("h1")!.Text());
        var rows = page.BodyRows("Primary Care Trusts in North East");
        Assert.Equal(12, rows.Count);
        Assert.Contains(rows, r => r.QuerySelector("a")!.GetAttribute("href") == "/pcts/5D7" && r.Text().Contains("Newcastle PCT"));
        Assert.Equal("/", page.QuerySelector("nav.app-breadcrumbs a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Pct_page_lists_its_consortia_and_practices_with_list_sizes()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/pcts/5d7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Newcastle PCT", page.QuerySelector("h1")!.Text());
        var consortia = page.BodyRows("Consortia linked to Newcastle PCT");
        Assert.Equal(["00G", "00H"], consortia.Select(r => r.QuerySelector("a")!.GetAttribute("href")![^3..]).Order().ToArray());

        var practices = page.BodyRows("GP practices in Newcastle PCT");
        Assert.NotEmpty(practices);
        Assert.All(practices, r => Assert.True(Number(r, 3) > 0));
        var total = page.QuerySelector("tfoot")!.Text();
        Assert.Contains($"{practices.Count} practices", total);
        Assert.Contains(practices.Sum(r => Number(r, 3)).ToString("N0", CultureInfo.GetCultureInfo("en-GB")), total);
    }

    [Theory]
    [InlineData("5D9", "Hartlepool PCT", "5E1")]
    [InlineData("5KM", "Middlesbrough PCT", "5QR")]
    public async Task Pct_that_tied_with_another_for_its_ccgs_practices_lists_its_share_of_them(string code, string name, string other)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, $"/pcts/{code}");
        var (_, otherPage) = await HtmlPage.GetAsync(_client, $"/pcts/{other}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, page.QuerySelector("h1")!.Text());
        var practices = page.BodyRows($"GP practices in {name}");
        var otherPractices = otherPage.BodyRows($"GP practices in {otherPage.QuerySelector("h1")!.Text()}");
        Assert.InRange(practices.Count, 10, otherPractices.Count * 2);
        Assert.True(practices.Sum(r => Number(r, 3)) > 50_000);
        Assert.Contains("inferred", page.QuerySelector(".nhsuk-inset-text")!.Text());
    }

    [Fact]
    public async Task Pct_without_mapped_practices_says_so_instead_of_an_empty_table()
    {
        // Practices of CCGs with several predecessor PCTs go to the largest share; 5QQ Devon never holds it.
        var (response, page) = await HtmlPage.GetAsync(_client, "/pcts/5QQ");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("places no GP practice in this PCT", page.Body!.Text());
    }

    [Fact]
    public async Task Consortium_page_lists_member_practices_and_linked_pcts()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/consortia/00g");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Newcastle North and East GP commissioning consortium", page.QuerySelector("h1")!.Text());
        var pcts = page.BodyRows("PCTs linked to Newcastle North and East GP commissioning consortium");
        var host = Assert.Single(pcts);
        Assert.Contains("Host", host.Text());
        // Member practices are a grid, ten to a page: the first ten, and the pager counts all 17.
        var members = page.QuerySelectorAll("#members table tbody tr");
        Assert.Equal(10, members.Length);
        Assert.Contains("1-10 of 17", page.QuerySelector("#members")!.Text());
    }

    [Fact]
    public async Task Consortium_spanning_several_pcts_names_each_with_one_host()
    {
        var (_, page) = await HtmlPage.GetAsync(_client, "/consortia/00K");

        var pcts = page.QuerySelectorAll("table").First(t => t.QuerySelector("caption")!.Text().StartsWith("PCTs linked", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr");
        Assert.True(pcts.Length >= 1);
        Assert.Single(pcts, r => r.Children[1].Text() == "Host");
    }

    [Theory]
    [InlineData("/regions/Q99")]
    [InlineData("/pcts/ZZZ")]
    [InlineData("/consortia/XYZ")]
    [InlineData("/consortia/%3Cscript%3E")]
    [InlineData("/no-such-page")]
    public async Task Unknown_addresses_get_the_nhs_styled_not_found_page_with_status_404(string url)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("header.app-header"));
        Assert.NotNull(page.QuerySelector("footer.app-footer"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regions/Q30")]
    [InlineData("/pcts/5D7")]
    [InlineData("/consortia/00G")]
    [InlineData("/no-such-page")]
    public async Task Every_page_has_one_h1_the_service_name_a_skip_link_and_a_footer(string url)
    {
        var (_, page) = await HtmlPage.GetAsync(_client, url);

        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Transition Tracker", page.QuerySelector(".app-header__service-name")!.Text());
        Assert.Equal("#maincontent", page.QuerySelector("a.app-skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#maincontent"));
        Assert.NotNull(page.QuerySelector("footer.app-footer"));
    }

    [Fact]
    public async Task Front_end_assets_are_served_from_the_npm_build()
    {
        var css = await _client.GetAsync("/lib/nhsuk/nhsuk-frontend.min.css");
        var js = await _client.GetAsync("/lib/nhsuk/nhsuk-frontend.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("nhsuk-frontend-version", await css.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    private static int Number(AngleSharp.Dom.IElement row, int cell) =>
        int.Parse(row.Children[cell].Text(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
}
