using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Organisations;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Components.Pages.Regions;

public sealed partial class ConsortiumGrid : IDisposable
{
    // The database sorts (prerendered, the grid keeps the page's order); each column is named by the key the address
    // and the use case use.
    private static readonly ServerSortColumns<GridRow<ConsortiumStanding>> Sorts = new("name", "pct", "stage", "population", "score", "track", "assessed");

    private static readonly IReadOnlyList<(string, string)> TrackOptions =
        [("", "Any track"), .. Enum.GetValues<Track>().Select(track => (track.ToWireName(), DashboardText.Track(track)))];

    private static readonly IReadOnlyList<(string, string)> StageOptions =
        [("", "Any stage"), .. Enum.GetValues<ConsortiumStage>().Select(stage => (stage.ToWire(), stage.ToDisplay()))];

    private static readonly IReadOnlyList<(string, string)> ForecastOptions =
    [
        ("", "Any forecast"),
        (ConsortiumTableQuery.AtRiskWire, "At risk for April 2013"),
        (ConsortiumTableQuery.OnCourseWire, "On course for April 2013"),
    ];

    // The grid's table has no caption of its own: the section heading names it.
    private static readonly Dictionary<string, object> tableAttributes = new() { ["aria-labelledby"] = "consortia" };
    private readonly CancellationTokenSource _closed = new();
    private readonly GridRows<ConsortiumStanding> rows = new();
    private IReadOnlyList<PctSummary>? optionsOf;
    private IReadOnlyList<(string, string)> pctOptions = [];
    private MudDataGrid<GridRow<ConsortiumStanding>>? grid;
    private ConsortiumTableQuery query = new();
    private ConsortiumTablePage table = new([], 0, 1, 1);

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private DashboardReferenceDate ReferenceDate { get; set; } = default!;

    // The date the forecasts are as at: the dashboards' reference date.
    private DateOnly AsAt => ReferenceDate.Date;

    [Parameter, EditorRequired]
    public string RegionCode { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyList<PctSummary> Pcts { get; set; } = [];

    /// <summary>The state the page was opened with (read from its address).</summary>
    [Parameter, EditorRequired]
    public ConsortiumTableQuery Query { get; set; } = new();

    /// <summary>The page of rows for <see cref="Query"/>, already read: shown first without asking again.</summary>
    [Parameter, EditorRequired]
    public ConsortiumTablePage Table { get; set; } = default!;

    /// <summary>Whether the user confirms or overrides tracks in this region (a link per row when so).</summary>
    [Parameter]
    public bool CanReview { get; set; }

    /// <summary>Reads the table for a new state; null when the region can no longer be read.</summary>
    [Parameter, EditorRequired]
    public Func<RegionDashboardRequest, CancellationToken, Task<RegionTableView?>> Load { get; set; } = default!;

    protected override void OnInitialized()
    {
        query = Query;
        table = Table;
    }

    public void Dispose()
    {
        _closed.Cancel();
        _closed.Dispose();
    }

    private string CountText()
    {
        var matches = $"{DashboardText.Count(table.Total)} {(table.Total == 1 ? "consortium matches" : "consortia match")}.";
        if (table.PageCount <= 1)
        {
            return matches;
        }

        var first = ((table.PageNumber - 1) * ConsortiumTableQuery.PageSize) + 1;
        return $"{matches} Showing {first} to {first + table.Rows.Count - 1}, page {table.PageNumber} of {table.PageCount}.";
    }

    // The same list until the PCTs given change, so that the PCT filter is not rendered again for nothing.
    private IReadOnlyList<(string, string)> PctOptions
    {
        get
        {
            if (!ReferenceEquals(optionsOf, Pcts))
            {
                (optionsOf, pctOptions) = (Pcts, [("", "Any PCT"), .. Pcts.Select(pct => (pct.Code, pct.Name))]);
            }

            return pctOptions;
        }
    }

    // What the filters show: the choices and the values chosen (not the sort or the page).
    private (string? Pct, Track? Track, ConsortiumStage? Stage, bool? AtRisk, string? Search, IReadOnlyList<PctSummary> Pcts) FiltersShow =>
        (query.PctCode, query.Track, query.Stage, query.AtRisk, query.Search, Pcts);

    // What the grid is given by this component rather than reading itself: the review column, and the page it is on.
    private (bool CanReview, DateOnly AsAt, int Page) GridShows => (CanReview, AsAt, table.PageNumber);

    private SortDirection Initial(string key) =>
        key != query.Sort ? SortDirection.None : query.Descending ? SortDirection.Descending : SortDirection.Ascending;

    private async Task<GridData<GridRow<ConsortiumStanding>>> LoadAsync(GridState<GridRow<ConsortiumStanding>> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var next = query with
        {
            Sort = Sorts.KeyOf(sort) ?? ConsortiumTableQuery.DefaultSort,
            Descending = sort?.Descending ?? false,
            Page = state.Page + 1,
        };
        if (next != query || next.Page != table.PageNumber)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
            await ShowAsync(next, both.Token);
        }

        return new GridData<GridRow<ConsortiumStanding>> { Items = rows.Of(table.Rows), TotalItems = table.Total };
    }

    private async Task ShowAsync(ConsortiumTableQuery next, CancellationToken cancellationToken)
    {
        var view = await Load(next.ToRequest(), cancellationToken);
        if (view is null)
        {
            return;
        }

        (query, table) = (view.Query with { Page = view.Table.PageNumber }, view.Table);
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query.ToQueryParameters()), replace: true);

        // The count and the export links are outside the grid, which re-renders only itself.
        StateHasChanged();
    }

    private Task PctChanged(string? code) => FilterAsync(query with { PctCode = Blank(code) });

    private Task TrackChanged(string? wire) =>
        FilterAsync(query with { Track = WireNames.TryParseTrack(wire ?? "", out var track) ? track : null });

    private Task StageChanged(string? wire) =>
        FilterAsync(query with { Stage = ConsortiumStageNames.TryParseWire(wire ?? "", out var stage) ? stage : null });

    private Task ForecastChanged(string? wire) => FilterAsync(query with
    {
        AtRisk = wire switch
        {
            ConsortiumTableQuery.AtRiskWire => true,
            ConsortiumTableQuery.OnCourseWire => false,
            _ => null,
        },
    });

    private Task SearchChanged(string? text) => FilterAsync(query with { Search = Blank(text?.Trim()) });

    // A new filter starts again at the first page.
    private async Task FilterAsync(ConsortiumTableQuery next)
    {
        await ShowAsync(next with { Page = 1 }, _closed.Token);
        if (grid is null)
        {
            return;
        }

        if (grid.CurrentPage > 0)
        {
            grid.NavigateTo(Page.First);
        }
        else
        {
            await grid.ReloadServerData();
        }
    }

    /// <summary>Reads the rows shown again, as they are now (someone saved a change), keeping sort, filters and page.</summary>
    public async Task RefreshAsync()
    {
        if (await Load(query.ToRequest(), _closed.Token) is not { } view)
        {
            return;
        }

        table = view.Table;
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }

        StateHasChanged();
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
