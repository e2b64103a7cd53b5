using System.Text.Json.Serialization;

namespace TransitionTracker.Domain.Scoring;

/// <summary>One failed fast-mover condition.</summary>
/// <param name="Domain">The domain below its floor, for <see cref="BlockerKind.DomainFloor"/> only.</param>
/// <param name="Criterion">The essential criterion not met, for <see cref="BlockerKind.EssentialCriterion"/> only.</param>
public readonly record struct Blocker(
    BlockerKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Domain = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Criterion = null);
