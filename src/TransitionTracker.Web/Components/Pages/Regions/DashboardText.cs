using System.Globalization;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Domain.Scoring;
using TransitionTracker.Web.Assessments;
using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Components.Pages.Regions;

/// <summary>How the dashboards write numbers, dates, tracks and red/amber/green.</summary>
public static class DashboardText
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Count(long value) => value.ToString("N0", EnGb);

    public static string Percent(double share) => (share * 100).ToString("0.0", EnGb) + "%";

    public static string Score(double? score) => score?.ToString("0.0", EnGb) ?? "–";

    public static string Signed(double value) => (value >= 0 ? "+" : "") + value.ToString("0.0", EnGb);

    /// <summary>The UK date of a moment (a stored UTC time read as the UTC date is a day early just after midnight in summer).</summary>
    public static string Date(DateTime? utc) => utc is { } at ? UkCalendar.ShortDate(UkCalendar.DateOf(at)) : "Never";

    public static string Date(DateOnly date) => UkCalendar.ShortDate(date);

    public static string Track(Track? track) => track is { } t ? TrackWords.Name(t) : "Not assessed";

    public static string RagWord(Rag rag) => rag switch
    {
        Rag.Green => "Green",
        Rag.Amber => "Amber",
        _ => "Red",
    };

    /// <summary>The chip colour of a track: NHS green for fast movers, warm yellow (dark text) for needs support, never green.</summary>
    public static MudBlazor.Color TrackColor(Track? track) => track switch
    {
        Domain.Scoring.Track.FastMover => MudBlazor.Color.Success,
        Domain.Scoring.Track.NeedsSupport => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>Red, amber or green as a word on its colour, as a chip (plain markup: one per indicator per row).</summary>
    public static Microsoft.AspNetCore.Components.RenderFragment RagChip(Rag rag) => Plain.Chip(RagWord(rag), RagColor(rag), "app-rag");

    /// <summary>The chip colour of a red/amber/green rating (<see cref="RagChip"/>, which also says the word).</summary>
    public static MudBlazor.Color RagColor(Rag rag) => rag switch
    {
        Rag.Green => MudBlazor.Color.Success,
        Rag.Amber => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Error,
    };

    /// <summary>Heatmap bands: below 40, 40 to 59.9, 60 to 79.9, 80 and above.</summary>
    public static string HeatClass(double score) => score switch
    {
        < 40 => "app-heat app-heat--low",
        < 60 => "app-heat app-heat--fair",
        < 80 => "app-heat app-heat--good",
        _ => "app-heat app-heat--high",
    };

    public static string HeatWord(double score) => score switch
    {
        < 40 => "low",
        < 60 => "fair",
        < 80 => "good",
        _ => "high",
    };
}
