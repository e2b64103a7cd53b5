using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>How one domain scored.</summary>
/// <param name="Score">0–100 to 1 decimal; null when every criterion in the domain is not applicable.</param>
/// <param name="Floor">The score the domain must reach for a fast mover.</param>
/// <param name="BelowFloor">Whether the domain is scored and below its floor.</param>
public readonly record struct DomainResult(string Id, string Name, double? Score, double Floor, bool BelowFloor)
{
    /// <summary>The unrounded score, the one the fast-mover rules compare.</summary>
    [JsonIgnore]
    public double? ExactScore { get; init; }
}
