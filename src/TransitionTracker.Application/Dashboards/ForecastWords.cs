using System.Globalization;
using TransitionTracker.Domain.Forecasting;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>A consortium's forecast in the words of the consortia table, which its export writes too.</summary>
public static class ForecastWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// A consortium's forecast in a few words for the consortia table, as at <paramref name="asAt"/> (the reference
    /// date): the month expected, with the range's months (docs/scoring.md, "Forecast").
    /// </summary>
    public static string InTable(ConsortiumStanding standing, DateOnly asAt)
    {
        var basis = standing.Forecast;
        if (standing.Override == Track.FastMover && basis.Outcome != ForecastOutcome.FastMover)
        {
            return "Decided fast mover";
        }

        if (basis.Outcome != ForecastOutcome.Projected)
        {
            return basis.Outcome switch
            {
                ForecastOutcome.NotAssessed => "No assessment yet",
                ForecastOutcome.FastMover => "Fast mover already",
                ForecastOutcome.NotEnoughHistory => "Too little history",
                _ => "No criteria closed in its last year",
            };
        }

        var range = basis.AsAt(asAt);
        return $"{Month(range.Expected!.Value)} ({Month(range.Earliest!.Value)} to {(range.Latest is { } latest ? Month(latest) : "no end")})";
    }

    private static string Month(DateOnly date) => date.ToString("MMM yyyy", EnGb);
}
