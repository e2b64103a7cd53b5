namespace TransitionTracker.Domain.Scoring;

/// <summary>
/// A validated answer to one criterion: a <see cref="Status"/> or a <see cref="Level"/>, never both. Build these with
/// <see cref="ResponseSetValidator"/> from anything a person or script typed.
/// </summary>
public sealed record CriterionResponse(string CriterionId, ResponseStatus? Status, int? Level)
{
    public static CriterionResponse WithStatus(string criterionId, ResponseStatus status) => new(criterionId, status, null);

    public static CriterionResponse WithLevel(string criterionId, int level) => new(criterionId, null, level);
}
