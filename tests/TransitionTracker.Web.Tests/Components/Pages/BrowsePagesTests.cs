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
    public async Task Pct_page_lists_its_consortia_and_practices_with_list_sizes_25_a_page()
    {
        var (response, page) = await HtmlPage.GetAsync(_client, "/pcts/5d7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Newcastle PCT", page.QuerySelector("h1")!.Text());
        var consortia = page.BodyRows("Consortia linked to Newcastle PCT");
        Assert.Equal(["00G", "00H"], consortia.Select(r => r.QuerySelector("a")!.GetAttribute("href")![^3..]).Order().ToArray());

        var practices = await AllPracticeRowsAsync("/pcts/5d7");
        Assert.True(practices.Count > 25, "Newcastle has more than one page of practices.");
        Assert.Equal(25, PracticeRows(page).Count);
        Assert.All(practices, r => Assert.True(Number(r, 3) > 0));
        Assert.Equal(practices.Count, practices.Select(r => r.Children[1].Text()).Distinct().Count());
        var total = page.QuerySelector("#practices tfoot")!.Text();
        Assert.Contains($"{practices.Count} practices", total);
        Assert.Contains(practices.Sum(r => Number(r, 3)).ToString("N0", CultureInfo.GetCultureInfo("en-GB")), total);
    }

    [Fact]
    public async Task Pct_practices_are_searched_sorted_and_paged_from_the_address()
    {
        var (_, bySize) = await HtmlPage.GetAsync(_client, "/pcts/5D7?sort=list-size&dir=desc");
        var (_, searched) = await HtmlPage.GetAsync(_client, "/pcts/5D7?q=surgery&page=99");
        var (_, bad) = await HtmlPage.GetAsync(_client, "/pcts/5D7?sort=colour");

        var sizes = PracticeRows(bySize).Select(r => Number(r, 3)).ToList();
        Assert.Equal(sizes.OrderDescending(), sizes);
        Assert.Equal((await AllPracticeRowsAsync("/pcts/5D7")).Max(r => Number(r, 3)), sizes[0]);
        Assert.NotEmpty(PracticeRows(searched));
        Assert.All(PracticeRows(searched), r => Assert.Contains("SURGERY", r.Children[0].Text(), StringComparison.OrdinalIgnoreCase));
        Assert.Contains("practices match “surgery”", searched.QuerySelector("#practices [role=status]")!.Text());
        Assert.Contains("“colour” is not a column to sort by", bad.QuerySelector("#practices .app-query-note")!.Text());
        Assert.Equal(25, PracticeRows(bad).Count);
    }

    [Theory]
    [InlineData("5D9", "Hartlepool PCT", "5E1")]
    [InlineData("5KM", "Middlesbrough PCT", "5QR")]
    public async Task Pct_that_tied_with_another_for_its_ccgs_practices_lists_its_share_of_them(string code, string name, string other)
    {
        var (response, page) = await HtmlPage.GetAsync(_client, $"/pcts/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, page.QuerySelector("h1")!.Text());
        var practices = await AllPracticeRowsAsync($"/pcts/{code}");
        var otherPractices = await AllPracticeRowsAsync($"/pcts/{other}");
        Assert.InRange(practices.Count, 10, otherPractices.Count * 2);
        Assert.True(practices.Sum(r => Number(r, 3)) > 50_000);
        Assert.Contains("inferred", page.QuerySelector("#practices .app-inferred-note")!.Text());
    }

    [Fact]
    public async Task Pct_page_links_its_quality_indicators_only_for_those_who_may_edit_the_pct()
    {
        using var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var (_, managed) = await HtmlPage.GetAsync(manager, "/pcts/5D7");
        var (_, read) = await HtmlPage.GetAsync(_client, "/pcts/5D7");

        Assert.Equal("/pcts/5D7/quality", managed.QuerySelector("a.app-quality-link")!.GetAttribute("href"));
        Assert.Null(read.QuerySelector("a.app-quality-link"));
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

    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/")]
    public async Task A_page_links_only_MudBlazor_and_the_apps_own_styles_scripts_and_icon_and_each_is_served(string url)
    {
        var (_, page) = await HtmlPage.GetAsync(_client, url);
        var assets = page.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();

        Assert.Equal("/favicon.svg", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Contains("/_content/MudBlazor/MudBlazor.min.css", assets);
        Assert.Contains("/css/site.css", assets);
        Assert.All(assets, asset => Assert.Matches("^/(_content/MudBlazor/|_framework/|css/|js/|favicon\\.svg$)", asset));
        foreach (var asset in assets)
        {
            var response = await _client.GetAsync(asset);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {response.StatusCode}");
        }

        var icon = await _client.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> PracticeRows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("#practices table tbody tr").ToList();

    /// <summary>Every practice row of a PCT page, page after page.</summary>
    private async Task<IReadOnlyList<AngleSharp.Dom.IElement>> AllPracticeRowsAsync(string url)
    {
        var rows = new List<AngleSharp.Dom.IElement>();
        for (var number = 1; ; number++)
        {
            var (_, page) = await HtmlPage.GetAsync(_client, $"{url}?page={number}");
            rows.AddRange(PracticeRows(page));
            if (page.QuerySelector($"#practices nav button[aria-label='Page {number + 1}']") is null)
            {
                return rows;
            }
        }
    }

    private static int Number(AngleSharp.Dom.IElement row, int cell) =>
        int.Parse(row.Children[cell].Text(), NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
}
