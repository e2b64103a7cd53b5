using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// One consortium's row on a dashboard, computed in the database: a class with settable properties (not a positional
/// record) so that EF Core can filter, sort, group and page on any of them after the projection.
/// </summary>
public sealed class ConsortiumStanding
{
    public string Code { get; init; } = "";

    public string Name { get; init; } = "";

    public string RegionCode { get; init; } = "";

    public string? HostPctCode { get; init; }

    public ConsortiumStage Stage { get; init; }

    public long Population { get; init; }

    /// <summary>The effective track: the latest regional decision when there is one, otherwise the computed track.</summary>
    public Track? Track { get; init; }

    /// <summary>The track of the latest submitted readiness assessment.</summary>
    public Track? ComputedTrack { get; init; }

    /// <summary>The track of the latest regional decision, if any.</summary>
    public Track? Override { get; init; }

    public double? Score { get; init; }

    public DateTime? LastAssessedUtc { get; init; }

    public bool HasOverdueAction { get; init; }

    /// <summary>Its forecast's figures (<see cref="ForecastBasis"/>), as at the reference date.</summary>
    public ForecastOutcome ForecastOutcome { get; init; }

    public DateOnly? ForecastFrom { get; init; }

    public int ForecastToClose { get; init; }

    public int ForecastClosed { get; init; }

    public int ForecastWindowDays { get; init; }

    /// <summary>At risk for April 2013 as at the reference date, unless its regional lead decided it is a fast mover.</summary>
    public bool ForecastAtRisk { get; init; }

    /// <summary>The forecast's figures.</summary>
    public ForecastBasis Forecast => new(ForecastOutcome, ForecastFrom, ForecastToClose, ForecastClosed, ForecastWindowDays);

    /// <summary>This row with a forecast worked out elsewhere (<see cref="RegionDashboard"/>, for a reference date before the stored one).</summary>
    internal ConsortiumStanding WithForecast(ForecastBasis basis, bool atRisk) => new()
    {
        Code = Code,
        Name = Name,
        RegionCode = RegionCode,
        HostPctCode = HostPctCode,
        Stage = Stage,
        Population = Population,
        Track = Track,
        ComputedTrack = ComputedTrack,
        Override = Override,
        Score = Score,
        LastAssessedUtc = LastAssessedUtc,
        HasOverdueAction = HasOverdueAction,
        ForecastOutcome = basis.Outcome,
        ForecastFrom = basis.LatestSubmittedOn,
        ForecastToClose = basis.ToClose,
        ForecastClosed = basis.ClosedInWindow,
        ForecastWindowDays = basis.WindowDays,
        ForecastAtRisk = atRisk,
    };
}
