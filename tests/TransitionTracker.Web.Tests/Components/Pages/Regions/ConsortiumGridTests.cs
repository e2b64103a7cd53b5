using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Components.Pages.Regions;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Regions;

/// <summary>
/// The live consortia grid: each sort, filter or search asks the use case for the rows again and writes the state into
/// the address (and the CSV link), without a page load; rows read again stay in place and only their cells change.
/// </summary>
public sealed class ConsortiumGridTests : MudComponentContext
{
    private static readonly ConsortiumStanding[] Rows =
    [
        Row("00A", "Alpha Health", 52.5, Track.NeedsSupport, new ForecastBasis(ForecastOutcome.Projected, new DateOnly(2012, 7, 1), 2, 4, 182), atRisk: false),
        Row("00B", "Beta Care", 81.0, Track.FastMover, new ForecastBasis(ForecastOutcome.FastMover, new DateOnly(2012, 6, 1), 0, 0, 0), atRisk: false),
        Row("00C", "Gamma Partners", null, null, new ForecastBasis(ForecastOutcome.NotAssessed, null, 0, 0, 0), atRisk: true),
    ];

    private readonly List<RegionDashboardRequest> _asked = [];

    [Fact]
    public void Opened_as_bookmarked_it_shows_the_rows_it_was_given_without_asking_again()
    {
        var grid = RenderGrid(new ConsortiumTableQuery(Sort: "score", Descending: true));

        Assert.Equal(["00A", "00B", "00C"], Codes(grid));
        Assert.Equal("descending", grid.FindAll("#consortia-table th")[4].GetAttribute("aria-sort"));
        Assert.Empty(_asked);
        Assert.Equal("http://localhost/regions/Q30", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void Sorting_by_a_column_asks_for_that_order_and_puts_it_in_the_address()
    {
        var grid = RenderGrid(new ConsortiumTableQuery());

        ClickSort(grid, "Score");

        grid.WaitForAssertion(() => Assert.Contains(_asked, r => r.Sort == "score" && r.Dir == "asc"));
        var uri = Services.GetRequiredService<NavigationManager>().Uri;
        Assert.Equal("http://localhost/regions/Q30?sort=score", uri);
        Assert.Equal("/regions/Q30/consortia.csv?sort=score", grid.Find("#export-consortia").GetAttribute("href"));

        ClickSort(grid, "Score");

        grid.WaitForAssertion(() => Assert.Equal("http://localhost/regions/Q30?sort=score&dir=desc", Services.GetRequiredService<NavigationManager>().Uri));
    }

    [Fact]
    public void A_sort_keeps_every_row_and_its_components_and_changes_only_what_the_rows_show()
    {
        var grid = RenderGrid(new ConsortiumTableQuery());
        var before = RowComponents(grid);
        Assert.Equal(3, before.Count);

        ClickSort(grid, "Score");

        grid.WaitForAssertion(() => Assert.Equal(["00C", "00A", "00B"], Codes(grid)));
        Assert.Equal(before, RowComponents(grid));
    }

    [Fact]
    public async Task Filters_and_search_apply_as_they_change_and_start_again_at_page_one()
    {
        var grid = RenderGrid(new ConsortiumTableQuery(Sort: "population", Descending: true));
        var search = grid.FindComponent<MudTextField<string>>();
        Assert.Equal("Track", grid.Find("label[for=track]").TextContent);
        Assert.Equal(["", "fast-mover", "needs-support"], grid.FindAll("#track option").Select(o => o.GetAttribute("value")));

        await grid.Find("#track").ChangeAsync(new ChangeEventArgs { Value = "fast-mover" });
        await grid.InvokeAsync(() => search.Instance.ValueChanged.InvokeAsync("  beta "));

        var last = _asked[^1];
        Assert.Equal(("population", "desc", "fast-mover", "beta", "1"), (last.Sort, last.Dir, last.Track, last.Search, last.Page));
        Assert.Equal("http://localhost/regions/Q30?sort=population&dir=desc&track=fast-mover&q=beta", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("/regions/Q30/consortia.csv?sort=population&dir=desc&track=fast-mover&q=beta", grid.Find("#export-consortia").GetAttribute("href"));
        Assert.Equal(["00B"], Codes(grid));
        Assert.Contains("1 consortium matches.", grid.Find("#table-count").TextContent, StringComparison.Ordinal);
        Assert.Equal("fast-mover", grid.Find("#track").GetAttribute("value"));
    }

    [Fact]
    public void A_regional_lead_gets_a_confirm_or_override_link_on_every_row()
    {
        var lead = RenderGrid(new ConsortiumTableQuery(), canReview: true);

        Assert.Equal(["/consortia/00A?decide=track", "/consortia/00B?decide=track", "/consortia/00C?decide=track"], lead.FindAll("a.app-review-link").Select(a => a.GetAttribute("href")));
        Assert.Contains("Confirm or override the track of Alpha Health", lead.FindAll("a.app-review-link")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_row_shows_its_track_as_a_coloured_chip_in_markup_with_no_component_of_its_own()
    {
        var grid = RenderGrid(new ConsortiumTableQuery(), canReview: true);

        var chips = grid.FindAll("#consortia-table tbody .mud-chip:not(.app-at-risk)");
        Assert.Equal(["Needs support", "Fast mover", "Not assessed"], chips.Select(c => c.TextContent));
        Assert.Equal(["mud-chip-color-warning", "mud-chip-color-success", "mud-chip-color-default"],
            chips.Select(c => c.ClassList.Single(name => name.StartsWith("mud-chip-color-", StringComparison.Ordinal))));
        // The chips and the review links are plain elements: a component per row would stay in every circuit's memory.
        Assert.Empty(grid.FindComponents<MudChip<string>>());
        Assert.Empty(grid.FindComponents<MudLink>());
    }

    [Fact]
    public async Task Each_row_shows_its_forecast_as_at_the_reference_date_and_the_forecast_filter_keeps_those_at_risk()
    {
        var grid = RenderGrid(new ConsortiumTableQuery());

        // As at 15 July 2012: 2 criteria left at 4 closed in 182 days gives 30 September, between 26 August and 12 March.
        var cells = grid.FindAll("#consortia-table tbody tr").Select(r => r.Children[6].TextContent.Trim()).ToList();
        Assert.Equal("Sept 2012 (Aug 2012 to Mar 2013)", cells[0]);
        Assert.Equal("Fast mover already", cells[1]);
        Assert.Equal("No assessment yet,At risk", cells[2]);
        Assert.Single(grid.FindAll("#consortia-table tbody .app-at-risk"));

        await grid.Find("#forecast").ChangeAsync(new ChangeEventArgs { Value = ConsortiumTableQuery.AtRiskWire });

        Assert.Equal("at-risk", _asked[^1].Forecast);
        Assert.Equal("http://localhost/regions/Q30?forecast=at-risk", Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal("/regions/Q30/consortia.csv?forecast=at-risk", grid.Find("#export-consortia").GetAttribute("href"));
        Assert.Equal(["00C"], Codes(grid));

        await grid.Find("#forecast").ChangeAsync(new ChangeEventArgs { Value = ConsortiumTableQuery.OnCourseWire });
        Assert.Equal(["00A", "00B"], Codes(grid));
    }

    [Fact]
    public void Others_get_no_review_column()
    {
        var viewer = RenderGrid(new ConsortiumTableQuery(), canReview: false);

        Assert.Empty(viewer.FindAll("a.app-review-link"));
        Assert.DoesNotContain(viewer.FindAll("#consortia-table th"), th => th.TextContent.Contains("Review", StringComparison.Ordinal));
    }

    private IRenderedComponent<ConsortiumGrid> RenderGrid(ConsortiumTableQuery query, bool canReview = false)
    {
        Services.AddSingleton(new DashboardReferenceDate(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DashboardReferenceDate.SettingName] = "2012-07-15" }).Build(),
            TimeProvider.System));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/regions/Q30");
        return RenderInteractive<ConsortiumGrid>(p => p
            .Add(g => g.RegionCode, "Q30")
            .Add(g => g.Pcts, [new PctSummary("5D7", "Newcastle PCT", 3, 30, 100_000)])
            .Add(g => g.Query, query)
            .Add(g => g.Table, new ConsortiumTablePage(Rows, Rows.Length, 1, 1))
            .Add(g => g.CanReview, canReview)
            .Add(g => g.Load, LoadAsync));
    }

    // Stands in for the use case: filters by track and search, sorts by score when asked (no score first), one page.
    private Task<RegionTableView?> LoadAsync(RegionDashboardRequest request, CancellationToken cancellationToken)
    {
        _asked.Add(request);
        var (query, notes) = ConsortiumTableQuery.Parse(request.Sort, request.Dir, request.Pct, request.Track, request.Stage, request.Page, ["5D7"], request.Search, request.Forecast);
        var rows = Rows.Where(r => query.Track is null || r.Track == query.Track)
            .Where(r => query.AtRisk is null || r.ForecastAtRisk == query.AtRisk)
            .Where(r => query.Search is null || r.Name.Contains(query.Search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (query.Sort == "score")
        {
            rows = query.Descending ? [.. rows.OrderByDescending(r => r.Score)] : [.. rows.OrderBy(r => r.Score)];
        }

        return Task.FromResult<RegionTableView?>(new RegionTableView(query, notes, new ConsortiumTablePage(rows, rows.Count, 1, 1)));
    }

    private static void ClickSort(IRenderedComponent<ConsortiumGrid> grid, string heading) =>
        grid.FindAll("#consortia-table th").Single(th => th.TextContent.Contains(heading, StringComparison.Ordinal))
            .QuerySelector("button[aria-label=Sort]")!.Click();

    // The component MudDataGrid renders in each row (a cascading value around its cells): the same instances while the
    // rows stay in place.
    private static List<object> RowComponents(IRenderedComponent<ConsortiumGrid> grid) =>
        [.. grid.FindComponents<CascadingValue<MudBlazor.Interfaces.IForm>>().Select(c => (object)c.Instance)];

    private static List<string> Codes(IRenderedComponent<ConsortiumGrid> grid) =>
        grid.FindAll("#consortia-table tbody a[data-code]").Select(a => a.GetAttribute("data-code")!).ToList();

    private static ConsortiumStanding Row(string code, string name, double? score, Track? track, ForecastBasis forecast, bool atRisk) => new()
    {
        Code = code,
        Name = name,
        RegionCode = "Q30",
        HostPctCode = "5D7",
        Stage = ConsortiumStage.Shadow,
        Population = 10_000,
        Score = score,
        Track = track,
        ComputedTrack = track,
        ForecastOutcome = forecast.Outcome,
        ForecastFrom = forecast.LatestSubmittedOn,
        ForecastToClose = forecast.ToClose,
        ForecastClosed = forecast.ClosedInWindow,
        ForecastWindowDays = forecast.WindowDays,
        ForecastAtRisk = atRisk,
    };
}
