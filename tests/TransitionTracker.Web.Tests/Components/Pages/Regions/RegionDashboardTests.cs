using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

[Collection(SharedAppCollection.Name)]
public sealed class RegionDashboardTests(TransitionTrackerFactory factory)
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private readonly HttpClient _national = factory.CreateClientFor(DemoAccountSeeder.National);

    [Fact]
    public async Task Region_headline_figures_match_the_seeded_data()
    {
        var expected = await Expected.LoadAsync(factory);
        var (response, page) = await HtmlPage.GetAsync(_national, "/regions/Q30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var figures = expected.For("Q30");
        Assert.True(figures.Consortia > 0);
        Assert.Equal(figures.Consortia, Figure(page, "consortia"));
        Assert.Equal(figures.FastMovers, Figure(page, "fast-movers"));
        Assert.Equal(figures.NeedsSupport, Figure(page, "needs-support"));
        Assert.StartsWith((figures.Share * 100).ToString("0.0", EnGb) + "%", page.QuerySelector("[data-figure=fast-mover-population-share]")!.Text());
        Assert.Equal(figures.Overdue, Figure(page, "overdue-actions"));
        Assert.Equal(figures.NotRecent, Figure(page, "not-recently-assessed"));
        Assert.Equal("31 Mar 2013", page.QuerySelector("#as-at")!.Text());
        Assert.Contains("the reference date set for this service", page.QuerySelector("#reference-date")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Region_summary_api_gives_the_headline_figures()
    {
        var expected = await Expected.LoadAsync(factory);

        var body = await JsonAsync(_national, "/api/regions/q31/summary");

        var figures = expected.For("Q31");
        Assert.Equal("Q31", body.GetProperty("code").GetString());
        Assert.False(body.TryGetProperty("regions", out _));
        AssertFigures(figures, body);
    }

    [Fact]
    public async Task National_summary_api_gives_the_country_and_every_region()
    {
        var expected = await Expected.LoadAsync(factory);

        var body = await JsonAsync(_national, "/api/national/summary");

        AssertFigures(expected.For(null), body);
        var regions = body.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(10, regions.Count);
        foreach (var region in regions)
        {
            AssertFigures(expected.For(region.GetProperty("code").GetString()!), region);
        }

        Assert.Equal(211, body.GetProperty("consortia").GetInt32());
    }

    [Fact]
    public async Task National_dashboard_shows_each_region_and_the_total()
    {
        var expected = await Expected.LoadAsync(factory);
        var (response, page) = await HtmlPage.GetAsync(_national, "/national");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("National dashboard", page.QuerySelector("h1")!.Text());
        var total = expected.For(null);
        Assert.Equal(total.Consortia, Figure(page, "consortia"));
        Assert.Equal(total.FastMovers, Figure(page, "fast-movers"));
        Assert.Equal(total.Overdue, Figure(page, "overdue-actions"));
        var rows = page.QuerySelectorAll("#regions-table tbody tr");
        Assert.Equal(10, rows.Length);
        foreach (var row in rows)
        {
            var figures = expected.For(row.GetAttribute("data-region"));
            Assert.Equal(figures.Consortia, Cell(row, 1));
            Assert.Equal(figures.FastMovers, Cell(row, 2));
            Assert.Equal(figures.NeedsSupport, Cell(row, 3));
            Assert.Equal((figures.Share * 100).ToString("0.0", EnGb) + "%", row.Children[4].Text());
        }
    }

    [Fact]
    public async Task National_dashboard_and_summary_are_not_found_for_a_regional_lead()
    {
        using var regional = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync("/national")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync("/api/national/summary")).StatusCode);
    }

    [Theory]
    [InlineData("/regions/Q31")]
    [InlineData("/regions/Q31/consortia.csv")]
    [InlineData("/regions/Q31/heatmap.csv")]
    [InlineData("/api/regions/Q31/summary")]
    public async Task Regional_lead_of_Q30_gets_404_for_another_region(string url)
    {
        using var regional = factory.CreateClientFor(DemoAccountSeeder.Regional("Q30"));

        Assert.Equal(HttpStatusCode.NotFound, (await regional.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await regional.GetAsync(url.Replace("Q31", "Q30", StringComparison.Ordinal))).StatusCode);
    }

    [Fact]
    public async Task A_pct_manager_sees_only_the_consortia_of_their_pct_on_the_region_dashboard()
    {
        using var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var (response, page) = await HtmlPage.GetAsync(manager, "/regions/Q30");
        var summary = await JsonAsync(manager, "/api/regions/Q30/summary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["00G", "00H"], Codes(page).Order().ToArray());
        Assert.Equal(2, Figure(page, "consortia"));
        Assert.Equal(2, summary.GetProperty("consortia").GetInt32());
        Assert.All(page.QuerySelectorAll("#heatmap-table tbody th a"), a => Assert.Contains(a.GetAttribute("href")![^3..], new[] { "00G", "00H" }));
        Assert.Equal(["/pcts/5D7"], page.QuerySelectorAll("#quality-table tbody td:first-child > a:first-child").Select(a => a.GetAttribute("href")!).ToArray());
        Assert.NotNull(page.QuerySelector("#quality-table a[href='/pcts/5D7/quality']"));
    }

    [Fact]
    public async Task A_pct_managers_population_share_counts_only_their_consortia_on_both_sides()
    {
        var expected = await Expected.LoadAsync(factory);
        using var manager = factory.CreateClientFor(DemoAccountSeeder.PctManager("5D7"));

        var (_, page) = await HtmlPage.GetAsync(manager, "/regions/Q30");

        var mine = expected.InRegion("Q30").Where(r => r.Code is "00G" or "00H").ToList();
        var fast = mine.Where(r => r.Track == Track.FastMover).Sum(r => r.Population);
        var all = mine.Sum(r => r.Population);
        var share = page.QuerySelector("[data-figure=fast-mover-population-share]")!.Text();
        Assert.Contains($"({fast.ToString("N0", EnGb)} of the {all.ToString("N0", EnGb)} patients registered with the 2 consortia counted here)", share, StringComparison.Ordinal);
        Assert.StartsWith((Math.Round((double)fast / all, 4, MidpointRounding.AwayFromZero) * 100).ToString("0.0", EnGb) + "%", share.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_and_sort_come_from_the_query_string()
    {
        var expected = await Expected.LoadAsync(factory);
        var region = BiggestRegion(expected);
        var wanted = expected.InRegion(region)
            .Where(r => r.Track == Track.NeedsSupport)
            .OrderBy(r => r.Score is null).ThenByDescending(r => r.Score).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => r.Code)
            .ToList();

        var (_, page) = await HtmlPage.GetAsync(_national, $"/regions/{region}?track=needs-support&sort=score&dir=desc");

        Assert.Equal(wanted.Take(25), Codes(page));
        Assert.Contains($"{wanted.Count} consortia match", page.QuerySelector("#table-count")!.Text(), StringComparison.Ordinal);
        Assert.Equal("descending", page.QuerySelectorAll("#consortia-table th")[4].GetAttribute("aria-sort"));
        Assert.Equal("needs-support", page.QuerySelector("select#track option[selected]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#query-notes"));
    }

    [Fact]
    public async Task Pct_and_stage_filters_narrow_the_table()
    {
        var expected = await Expected.LoadAsync(factory);
        var sample = expected.InRegion("Q30").First(r => r.HostPct is not null);
        var wanted = expected.InRegion("Q30")
            .Where(r => r.Pcts.Contains(sample.HostPct!) && r.Stage == sample.Stage)
            .OrderByDescending(r => r.Population).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r => r.Code).ToList();
        var stage = sample.Stage.ToWire();

        var (_, page) = await HtmlPage.GetAsync(_national, $"/regions/Q30?pct={sample.HostPct!.ToLowerInvariant()}&stage={stage}&sort=population&dir=desc");

        Assert.Equal(wanted, Codes(page));
        Assert.Contains(sample.Code, wanted);
    }

    [Fact]
    public async Task Pages_hold_25_rows_and_keep_the_filters_in_their_links()
    {
        var expected = await Expected.LoadAsync(factory);
        var region = BiggestRegion(expected);
        var all = expected.InRegion(region).OrderByDescending(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Code).ToList();
        Assert.True(all.Count > 25, $"{region} has {all.Count} consortia");

        var (_, first) = await HtmlPage.GetAsync(_national, $"/regions/{region}?sort=name&dir=desc");
        var (_, second) = await HtmlPage.GetAsync(_national, $"/regions/{region}?sort=name&dir=desc&page=2");

        Assert.Equal(25, Codes(first).Count);
        Assert.Equal(all.Count, Codes(first).Concat(Codes(second)).Distinct().Count());
        Assert.Contains($"page 1 of {(all.Count + 24) / 25}.", first.QuerySelector("#table-count")!.Text(), StringComparison.Ordinal);
        Assert.Contains($"page 2 of {(all.Count + 24) / 25}.", second.QuerySelector("#table-count")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?sort=bogus&dir=sideways&track=slow&stage=x&pct=ZZZ&page=abc", 6)]
    [InlineData("?page=999", 1)]
    [InlineData("?from=March&to=2012-13", 2)]
    public async Task Unusable_query_values_are_ignored_with_a_note(string query, int noteCount)
    {
        var (response, page) = await HtmlPage.GetAsync(_national, "/regions/Q30" + query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(noteCount, page.QuerySelectorAll("#query-notes li").Length);
        Assert.NotEmpty(Codes(page));
    }

    [Fact]
    public async Task Csv_export_holds_exactly_the_filtered_rows_of_the_table()
    {
        var query = "?sort=population&dir=desc&track=fast-mover";
        var (_, page) = await HtmlPage.GetAsync(_national, "/regions/Q30" + query);
        Assert.Equal($"/regions/Q30/consortia.csv{query}", page.QuerySelector("#export-consortia")!.GetAttribute("href"));

        var response = await _national.GetAsync($"/regions/Q30/consortia.csv{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Code,Consortium,Host PCT,Stage,Population,Score,Track,Computed track,Regional decision,Last assessed,Forecast,At risk for April 2013", lines[0]);
        var csvRows = lines.Skip(1).Select(CsvFields).ToList();
        var tableRows = page.QuerySelectorAll("#consortia-table tbody tr").Where(r => r.QuerySelector("a[data-code]") is not null).ToList();
        Assert.NotEmpty(tableRows);
        Assert.Equal(tableRows.Select(r => r.QuerySelector("a[data-code]")!.GetAttribute("data-code")), csvRows.Select(r => r[0]));
        foreach (var (row, csv) in tableRows.Zip(csvRows))
        {
            Assert.Equal(row.QuerySelector("a")!.Text(), csv[1]);
            Assert.Equal(row.Children[1].Text(), csv[2]);
            Assert.Equal(long.Parse(row.Children[3].Text(), NumberStyles.AllowThousands, EnGb), long.Parse(csv[4], CultureInfo.InvariantCulture));
            Assert.Equal(row.Children[4].Text(), csv[5]);
            Assert.Equal("Fast mover", csv[6]);
        }
    }

    [Fact]
    public async Task Csv_export_with_an_unusable_filter_is_a_bad_request_with_a_reason()
    {
        var response = await _national.GetAsync("/regions/Q30/consortia.csv?track=slow");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a track", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heatmap_shows_each_consortiums_latest_domain_scores_in_words_and_in_csv()
    {
        var expected = await Expected.LoadAsync(factory);
        var (_, page) = await HtmlPage.GetAsync(_national, "/regions/Q30");
        var csv = (await _national.GetStringAsync("/regions/Q30/heatmap.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var assessed = expected.InRegion("Q30").Count(r => r.Score is not null);
        var shown = page.QuerySelectorAll("#heatmap-table tbody th a").Select(a => a.GetAttribute("href")![^3..]).ToList();
        Assert.Equal(expected.InRegion("Q30").Where(r => r.Score is not null).Select(r => r.Code).Order(), shown.Order());
        Assert.Equal(assessed + 1, csv.Length);
        Assert.StartsWith("Code,Consortium,", csv[0], StringComparison.Ordinal);
        var cell = page.QuerySelector("#heatmap-table td.app-heat")!;
        Assert.Matches(@"^\d+\.\d (low|fair|good|high)$", cell.Text());
        var domain = TransitionTracker.Domain.Frameworks.ShippedFrameworks.DefaultFramework.Domains[0];
        var firstRow = page.QuerySelector("#heatmap-table tbody tr")!;
        var code = firstRow.QuerySelector("th a")!.GetAttribute("href")![^3..];
        Assert.Equal($"/consortia/{code}?tab=readiness&domain={domain.Id}", firstRow.QuerySelector("td a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Trend_table_counts_consortia_per_track_each_month()
    {
        var expected = await Expected.LoadAsync(factory);
        var (_, page) = await HtmlPage.GetAsync(_national, "/regions/Q30");

        var rows = page.QuerySelectorAll("#trend-table tbody tr")
            .Select(r => (Month: r.Children[0].Text(), Fast: Cell(r, 1), Support: Cell(r, 2)))
            .ToList();
        var wanted = expected.Trend("Q30").Select(t => (t.Month.ToString("MMM yyyy", EnGb), t.Fast, t.Support)).ToList();
        Assert.Equal(wanted, rows);
        Assert.NotNull(page.QuerySelector("#trend-chart svg"));
        Assert.Null(page.QuerySelector("[data-chart]"));
        Assert.True(rows.Count >= 30);
    }

    [Fact]
    public async Task Competency_improvement_compares_the_two_rounds_over_consortia_in_both()
    {
        var expected = await Expected.LoadAsync(factory);
        var (consortia, domains, average) = expected.Competencies(null, new DateOnly(2011, 3, 1), new DateOnly(2012, 3, 1));

        var (_, page) = await HtmlPage.GetAsync(_national, "/national?from=2011-03&to=2012-03");

        Assert.Equal(211, consortia);
        Assert.Equal(consortia, int.Parse(page.QuerySelector("[data-figure=competency-consortia]")!.Text(), NumberStyles.AllowThousands, EnGb));
        var rows = page.QuerySelectorAll("#competency-table tbody tr");
        Assert.Equal(domains.Count, rows.Length);
        Assert.Equal((average >= 0 ? "+" : "") + average.ToString("0.0", EnGb), page.QuerySelector("[data-figure=average-change]")!.Text());
        var first = domains.First();
        var firstRow = rows[0];
        Assert.Equal(first.Value.Count, Cell(firstRow, 1));
        Assert.Equal(first.Value.From.ToString("0.0", EnGb), firstRow.Children[2].Text());
        Assert.Equal(first.Value.To.ToString("0.0", EnGb), firstRow.Children[3].Text());
    }

    [Fact]
    public async Task Competency_improvement_for_months_without_assessments_says_so()
    {
        var (_, page) = await HtmlPage.GetAsync(_national, "/regions/Q30?from=2010-01&to=2012-03");

        Assert.NotNull(page.QuerySelector("#competency-none"));
        Assert.Equal("0", page.QuerySelector("[data-figure=competency-consortia]")!.Text());
    }

    [Fact]
    public async Task Overdue_actions_and_quality_indicators_are_listed()
    {
        var expected = await Expected.LoadAsync(factory);
        var (_, page) = await HtmlPage.GetAsync(_national, "/regions/Q30");

        var overdueConsortia = page.QuerySelectorAll("#overdue-table tbody tr a").Select(a => a.GetAttribute("href")!.Split('/')[2]).Distinct().Count();
        Assert.Equal(expected.For("Q30").Overdue, overdueConsortia);
        var quality = page.QuerySelectorAll("#quality-table tbody tr");
        Assert.Equal(12, quality.Length);
        Assert.NotEmpty(quality.SelectMany(r => r.QuerySelectorAll(".app-rag")));
        Assert.All(quality.SelectMany(r => r.QuerySelectorAll(".app-rag")), tag => Assert.Contains(tag.Text().Trim(), new[] { "Red", "Amber", "Green" }));
    }

    // Enough of RFC 4180 for the export: quoted fields may hold commas and doubled quotes.
    private static string[] CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }

    private static string BiggestRegion(Expected expected) =>
        expected.Consortia.GroupBy(c => c.RegionCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static List<string> Codes(IDocument page) =>
        page.QuerySelectorAll("#consortia-table tbody a[data-code]").Select(a => a.GetAttribute("data-code")!).ToList();

    private static int Figure(IDocument page, string name) =>
        int.Parse(page.QuerySelector($"[data-figure={name}]")!.Text(), NumberStyles.AllowThousands, EnGb);

    private static int Cell(IElement row, int index) => int.Parse(row.Children[index].Text(), NumberStyles.AllowThousands, EnGb);

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static void AssertFigures(Expected.Figures figures, JsonElement body)
    {
        Assert.Equal(figures.Consortia, body.GetProperty("consortia").GetInt32());
        Assert.Equal(figures.FastMovers, body.GetProperty("fastMovers").GetInt32());
        Assert.Equal(figures.NeedsSupport, body.GetProperty("needsSupport").GetInt32());
        Assert.Equal(figures.Share, body.GetProperty("fastMoverPopulationShare").GetDouble(), 4);
        Assert.Equal(figures.Overdue, body.GetProperty("overdueActions").GetInt32());
        Assert.Equal(figures.NotRecent, body.GetProperty("notRecentlyAssessed").GetInt32());
    }
}
