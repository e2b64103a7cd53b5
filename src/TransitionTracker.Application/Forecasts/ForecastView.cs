using System.Globalization;
using TransitionTracker.Domain.Forecasting;

namespace TransitionTracker.Application.Forecasts;

/// <summary>A criterion the forecast's plan closes, as a reader sees it.</summary>
public sealed record ForecastCriterion(string Id, string Text, string Domain, bool Essential);

/// <summary>
/// A consortium's forecast as at <paramref name="AsAt"/>, with the criteria still to close named, and one plain-English
/// sentence that the status page, the region grid and the API all give.
/// </summary>
/// <param name="DecidedFastMover">The regional lead has decided it is a fast mover, whatever its assessments say.</param>
public sealed record ForecastView(string ConsortiumCode, DateOnly AsAt, ReadinessForecast Forecast, IReadOnlyList<ForecastCriterion> CriteriaToClose, bool DecidedFastMover)
{
    /// <summary>At risk for April 2013, unless its regional lead has already made it a fast mover.</summary>
    public bool AtRisk => Forecast.AtRisk && !DecidedFastMover;

    /// <summary>The forecast in one sentence.</summary>
    public string Summary => DecidedFastMover && Forecast.Outcome != ForecastOutcome.FastMover
        ? "Its regional lead has decided it is a fast mover."
        : Forecast.Outcome switch
        {
            ForecastOutcome.NotAssessed => "Not assessed yet, so there is no pace to forecast from.",
            ForecastOutcome.FastMover => "Already a fast mover.",
            ForecastOutcome.NotEnoughHistory => $"Not enough history to forecast: it needs two submitted assessments at least four weeks apart within a year. {Remaining}",
            ForecastOutcome.NoProgress => $"No criteria closed in the last {MonthsText}, so at this pace it does not reach fast mover. {Remaining}",
            _ => $"At its pace ({PaceText}), fast mover around {UkCalendar.Date(Forecast.Expected!.Value)}: between {UkCalendar.Date(Forecast.Earliest!.Value)} and {(Forecast.Latest is { } latest ? UkCalendar.Date(latest) : "no date at all at the slow end")}. {Remaining}",
        };

    private string Remaining => CriteriaToClose.Count switch
    {
        0 => "",
        1 => "1 criterion to close.",
        var n => $"{n} criteria to close.",
    };

    private string MonthsText => Forecast.WindowMonths < 1.5 ? "month" : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(Forecast.WindowMonths):0} months");

    private string PaceText => string.Create(CultureInfo.InvariantCulture, $"{Forecast.ClosedInWindow} criteria closed in {Math.Round(Forecast.WindowMonths, 1):0.#} months");
}
