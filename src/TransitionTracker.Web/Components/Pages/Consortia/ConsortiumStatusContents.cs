using TransitionTracker.Application.Consortia;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Components.Pages.Consortia;

/// <summary>
/// What the consortium status page shows, as plain data, so that the page keeps it from prerendering for the
/// interactive render. Links are decided here, once, from what the reader may open.
/// </summary>
public sealed record ConsortiumStatusContents(
    string Code,
    string Name,
    string RegionName,
    string Stage,
    int PracticeCount,
    long Population,
    ConsortiumStatusContents.Link? HostPct,
    ReadinessView Readiness,
    IReadOnlyList<SupportActionRow> Actions,
    IReadOnlyList<string> WeakestDomainNames,
    IReadOnlyList<LessonFromOthers> Lessons,
    IReadOnlyList<ConsortiumStatusContents.MilestoneRow> Milestones,
    IReadOnlyList<ConsortiumStatusContents.PctRow> Pcts,
    IReadOnlyList<ConsortiumStatusContents.MemberRow> Members,
    IReadOnlyList<ConsortiumStatusContents.Link> Trail,
    bool CanEdit,
    bool CanReview,
    bool LeadsIt,
    string? MergedInto,
    ConsortiumStatusContents.ForecastRow Forecast)
{
    /// <summary>The peers, read only when the page opens on their tab or the reader turns to it (docs/scoring.md, "Peers").</summary>
    public PeerContents? Peers { get; init; }

    public static ConsortiumStatusContents From(ConsortiumStatusView status, UserAccess access)
    {
        var (consortium, readiness, actions, weakest, lessons, milestones, today, canEdit, canReview, forecast) = status;
        var summary = consortium.Summary;
        bool CanReadPct(string code) =>
            consortium.Pcts.FirstOrDefault(p => p.Code == code) is { } pct && access.CanReadPct(pct.Code, pct.RegionCode);

        var host = consortium.Pcts.FirstOrDefault(p => p.IsHost);
        var trail = new List<Link> { new("Home", "/") };
        if (access.CanReadRegion(summary.RegionCode))
        {
            trail.Add(new Link(consortium.RegionName, $"/regions/{summary.RegionCode}"));
        }

        if (host is not null && CanReadPct(host.Code))
        {
            trail.Add(new Link(host.Name, $"/pcts/{host.Code}"));
        }

        return new ConsortiumStatusContents(
            summary.Code,
            summary.Name,
            consortium.RegionName,
            ConsortiumStageNames.DisplayFromWire(summary.Stage),
            summary.PracticeCount,
            summary.Population,
            host is null ? null : new Link(host.Name, CanReadPct(host.Code) ? $"/pcts/{host.Code}" : null),
            ReadinessView.From(readiness),
            SupportActionRow.From(actions, today),
            weakest.Select(LessonLibrary.DomainName).ToList(),
            lessons,
            milestones.Select(m => new MilestoneRow(m.Kind.ToDisplay(), m.PlannedOn, m.AchievedOn, m.IsLate)).ToList(),
            consortium.Pcts.Select(p => new PctRow(p.Code, p.Name, p.IsHost, p.MemberPractices, p.MemberPopulation, CanReadPct(p.Code))).ToList(),
            consortium.Members.Select(m => new MemberRow(m.Code, m.Name, m.PctCode, CanReadPct(m.PctCode), m.JoinedOn, m.ListSize)).ToList(),
            trail,
            canEdit,
            canReview,
            access.LedConsortia.Contains(summary.Code),
            summary.MergedInto,
            ForecastRow.From(forecast));
    }

    /// <summary>A link, or plain text when <paramref name="Href"/> is null (the reader may not open it).</summary>
    public sealed record Link(string Text, string? Href);

    public sealed record MilestoneRow(string Kind, DateOnly? PlannedOn, DateOnly? AchievedOn, bool IsLate)
    {
        public string Standing => AchievedOn is { } achieved ? $"Reached {achieved:d MMMM yyyy}"
            : PlannedOn is { } planned ? $"Planned for {planned:d MMMM yyyy}"
            : "Not planned";
    }

    /// <summary>The forecast as the page shows it (docs/scoring.md, "Forecast").</summary>
    public sealed record ForecastRow(string Summary, bool AtRisk, bool Projected, string AsAt, IReadOnlyList<ForecastCriterion> ToClose)
    {
        public static ForecastRow From(ForecastView view) => new(
            view.Summary,
            view.AtRisk,
            view.Forecast.Outcome == ForecastOutcome.Projected,
            UkCalendar.Date(view.AsAt),
            view.DecidedFastMover ? [] : view.CriteriaToClose);
    }

    public sealed record PctRow(string Code, string Name, bool IsHost, int MemberPractices, long MemberPopulation, bool Readable);

    public sealed record MemberRow(string Code, string Name, string PctCode, bool PctReadable, DateOnly JoinedOn, int ListSize);
}
