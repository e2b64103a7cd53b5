using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>A criterion not yet fully met, with what meeting it would add to the overall score.</summary>
/// <param name="Gain">Points the overall score would rise by if this criterion alone became fully met, to 1 decimal.</param>
public readonly record struct NextStep(string Criterion, double Gain)
{
    /// <summary>The unrounded gain, for callers that compare or add gains.</summary>
    [JsonIgnore]
    public double ExactGain { get; init; }
}
