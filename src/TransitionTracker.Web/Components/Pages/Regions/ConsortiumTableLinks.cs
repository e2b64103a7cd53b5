using System.Globalization;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Web.Components.Pages.Regions;

/// <summary>The consortia table's state written back into its address, so a view can be bookmarked.</summary>
public static class ConsortiumTableLinks
{
    /// <summary>The query string for this state (without the page when <paramref name="page"/> is 1), leading "?" included when not empty.</summary>
    public static string ToQueryString(this ConsortiumTableQuery query, int? page = null, string? sort = null, bool? descending = null)
    {
        var parts = new List<string>();
        var s = sort ?? query.Sort;
        var d = descending ?? query.Descending;
        if (s != ConsortiumTableQuery.DefaultSort || d)
        {
            parts.Add($"sort={s}");
        }

        if (d)
        {
            parts.Add("dir=desc");
        }

        if (query.PctCode is not null)
        {
            parts.Add($"pct={Uri.EscapeDataString(query.PctCode)}");
        }

        if (query.Track is { } track)
        {
            parts.Add($"track={track.ToWireName()}");
        }

        if (query.Stage is { } stage)
        {
            parts.Add($"stage={stage.ToWire()}");
        }

        if (query.AtRisk is { } atRisk)
        {
            parts.Add($"forecast={query.ForecastWire()}");
        }

        if (query.Search is { } search)
        {
            parts.Add($"q={Uri.EscapeDataString(search)}");
        }

        var p = page ?? query.Page;
        if (p > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"page={p}"));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The same filters, search and sort, without the page: what an export of the table takes.</summary>
    public static string FilterQueryString(this ConsortiumTableQuery query) => query.ToQueryString(page: 1);

    /// <summary>
    /// The table's state as query parameters for <c>NavigationManager.GetUriWithQueryParameters</c>: a value at its
    /// default is null, which removes it from the address.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> ToQueryParameters(this ConsortiumTableQuery query) =>
        new Dictionary<string, object?>
        {
            ["sort"] = query.Sort != ConsortiumTableQuery.DefaultSort || query.Descending ? query.Sort : null,
            ["dir"] = query.Descending ? "desc" : null,
            ["pct"] = query.PctCode,
            ["track"] = query.Track?.ToWireName(),
            ["stage"] = query.Stage?.ToWire(),
            ["forecast"] = query.ForecastWire(),
            ["q"] = query.Search,
            ["page"] = query.Page > 1 ? query.Page.ToString(CultureInfo.InvariantCulture) : null,
        };

    /// <summary>The request that asks for this state again.</summary>
    public static RegionDashboardRequest ToRequest(this ConsortiumTableQuery query) =>
        new(query.Sort, query.Descending ? "desc" : "asc", query.PctCode, query.Track?.ToWireName(), query.Stage?.ToWire(),
            query.Page.ToString(CultureInfo.InvariantCulture), Search: query.Search, Forecast: query.ForecastWire());

    /// <summary>The forecast filter as the address writes it; null for none.</summary>
    public static string? ForecastWire(this ConsortiumTableQuery query) => query.AtRisk switch
    {
        true => ConsortiumTableQuery.AtRiskWire,
        false => ConsortiumTableQuery.OnCourseWire,
        null => null,
    };
}
