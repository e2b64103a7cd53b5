using System.Globalization;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

/// <summary>How answers are written in forms (wire values) and read by people.</summary>
public static class AnswerText
{
    public static string? ValueOf(AssessmentResponse? response) =>
        response?.Status?.ToWireName() ?? response?.Level?.ToString(CultureInfo.InvariantCulture);

    public static string Describe(string? value) => value switch
    {
        null or "" => "Not answered",
        "not_started" => "Not started",
        "in_progress" => "In progress",
        "met" => "Met",
        "not_applicable" => "Not applicable",
        _ => $"Level {value}",
    };
}
