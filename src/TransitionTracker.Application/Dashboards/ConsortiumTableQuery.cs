using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// The consortia table's state: sort, direction, filters, quick search and page, read from the values the query string
/// carries (sort, dir, pct, track, stage, forecast, q, page), so a view can be bookmarked. Values that cannot be used are dropped, each with a note
/// saying so, rather than failing the page. Writing the state back into links is the web front end's.
/// </summary>
public sealed record ConsortiumTableQuery(
    string Sort = ConsortiumTableQuery.DefaultSort,
    bool Descending = false,
    string? PctCode = null,
    Track? Track = null,
    ConsortiumStage? Stage = null,
    int Page = 1,
    string? Search = null,
    bool? AtRisk = null)
{
    /// <summary>The forecast filter's values in the address: at risk for April 2013, or on course for it.</summary>
    public const string AtRiskWire = "at-risk";

    public const string OnCourseWire = "on-course";

    public const string DefaultSort = "name";
    public const int PageSize = 25;

    /// <summary>The longest quick search kept: longer text is cut to this length, with a note.</summary>
    public const int SearchMaxLength = 100;

    /// <summary>Sort keys and the column heading each sorts.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("name", "Consortium"),
        ("pct", "Host PCT"),
        ("stage", "Stage"),
        ("population", "Population"),
        ("score", "Score"),
        ("track", "Track"),
        ("assessed", "Last assessed"),
    ];

    public static (ConsortiumTableQuery Query, IReadOnlyList<string> Notes) Parse(
        string? sort, string? dir, string? pct, string? track, string? stage, string? page, IReadOnlyCollection<string> pctCodes, string? search = null, string? forecast = null)
    {
        var notes = new List<string>();
        var query = new ConsortiumTableQuery();
        query = query with
        {
            Sort = ListQueryValues.Sort(sort, Columns, "the table is", "consortium name", notes) ?? DefaultSort,
            Descending = ListQueryValues.Descending(dir, "the table is", notes),
        };

        if (!string.IsNullOrWhiteSpace(pct))
        {
            var code = OrganisationCode.TryNormalise(pct);
            if (code is not null && pctCodes.Contains(code))
            {
                query = query with { PctCode = code };
            }
            else
            {
                notes.Add($"“{pct}” is not a PCT in this area, so consortia of every PCT are shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(track))
        {
            if (WireNames.TryParseTrack(track.Trim().ToLowerInvariant(), out var parsed))
            {
                query = query with { Track = parsed };
            }
            else
            {
                notes.Add($"“{track}” is not a track (fast-mover or needs-support), so consortia on every track are shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (ConsortiumStageNames.TryParseWire(stage.Trim(), out var parsed))
            {
                query = query with { Stage = parsed };
            }
            else
            {
                notes.Add($"“{stage}” is not a stage (shadow, pathfinder, delegated-budget or authorised), so consortia at every stage are shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(forecast))
        {
            switch (forecast.Trim().ToLowerInvariant())
            {
                case AtRiskWire:
                    query = query with { AtRisk = true };
                    break;
                case OnCourseWire:
                    query = query with { AtRisk = false };
                    break;
                default:
                    notes.Add($"“{forecast}” is not a forecast filter ({AtRiskWire} or {OnCourseWire}), so consortia with every forecast are shown.");
                    break;
            }
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = string.Join(' ', TransitionTracker.Application.Search.SearchTerm.Searchable(search).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > SearchMaxLength)
            {
                text = text[..SearchMaxLength];
                notes.Add($"The search was longer than {SearchMaxLength} characters, so only its first {SearchMaxLength} are used.");
            }

            query = query with { Search = text };
        }

        query = query with { Page = ListQueryValues.Page(page, notes) };

        return (query, notes);
    }
}
