namespace TransitionTracker.Application.SupportActions;

/// <summary>A criterion answered "met" in its consortium's latest submitted assessment (see <see cref="SupportActionRules"/>).</summary>
public sealed class MetCriterion
{
    public required string ConsortiumCode { get; init; }

    public required string CriterionId { get; init; }
}
