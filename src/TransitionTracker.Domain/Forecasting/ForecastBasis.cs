namespace TransitionTracker.Domain.Forecasting;

/// <summary>
/// The figures a <see cref="ReadinessForecast"/> is made from, without the criteria's names: enough to give its dates
/// and risk as at any reference date on or after <see cref="LatestSubmittedOn"/>. The data layer keeps one per
/// consortium, made as at its latest submission, so that lists show forecasts without reading histories
/// (docs/scoring.md, "Forecast").
/// </summary>
/// <param name="ToClose">How many criteria the plan to fast mover closes.</param>
/// <param name="ClosedInWindow">Criteria closed, net of reopened, over the window.</param>
/// <param name="WindowDays">Days between the window's first and latest submissions.</param>
public sealed record ForecastBasis(ForecastOutcome Outcome, DateOnly? LatestSubmittedOn, int ToClose, int ClosedInWindow, int WindowDays)
{
    /// <summary>
    /// The dates and risk as at <paramref name="referenceDate"/> (on or after <see cref="LatestSubmittedOn"/>): no date
    /// before it, and at risk when the range may end on or after <see cref="ReadinessForecast.Deadline"/>.
    /// </summary>
    public ForecastRange AsAt(DateOnly referenceDate)
    {
        if (Outcome != ForecastOutcome.Projected || LatestSubmittedOn is not { } from)
        {
            return new(null, null, null, AtRisk: Outcome != ForecastOutcome.FastMover);
        }

        // Days of work for what is left at each pace: criteria to close × window days ÷ criteria closed in the window.
        var spread = ReadinessForecast.IntervalZ * Math.Sqrt(ClosedInWindow);
        var work = (double)ToClose * WindowDays;
        var expected = ReadinessForecast.DateAfter(from, work / ClosedInWindow, referenceDate);
        var earliest = ReadinessForecast.DateAfter(from, work / (ClosedInWindow + spread), referenceDate);
        DateOnly? latest = ClosedInWindow - spread > 0 ? ReadinessForecast.DateAfter(from, work / (ClosedInWindow - spread), referenceDate) : null;
        return new(expected, earliest, latest, AtRisk: latest is not { } end || end >= ReadinessForecast.Deadline);
    }
}

/// <summary>A forecast's dates as at a reference date; <see cref="Latest"/> null when the slow end never arrives.</summary>
public readonly record struct ForecastRange(DateOnly? Expected, DateOnly? Earliest, DateOnly? Latest, bool AtRisk);
