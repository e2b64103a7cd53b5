namespace TransitionTracker.Application.Quality;

/// <summary>One month's quality and finance indicators as typed (or as read from one CSV row), kept as text.</summary>
public sealed class QualityIndicatorForm
{
    public string? Month { get; set; }

    public string? QippPlanned { get; set; }

    public string? QippDelivered { get; set; }

    public string? EmergencyChange { get; set; }

    public string? WinterPlan { get; set; }

    public string? RttAdmitted { get; set; }

    public string? RttNonAdmitted { get; set; }
}
