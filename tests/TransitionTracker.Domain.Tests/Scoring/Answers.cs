using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Tests.Scoring;

/// <summary>Short names for responses, so a test's answers read like a filled-in checklist.</summary>
internal static class Answers
{
    public static CriterionResponse Met(string criterion) => CriterionResponse.WithStatus(criterion, ResponseStatus.Met);

    public static CriterionResponse InProgress(string criterion) => CriterionResponse.WithStatus(criterion, ResponseStatus.InProgress);

    public static CriterionResponse NotStarted(string criterion) => CriterionResponse.WithStatus(criterion, ResponseStatus.NotStarted);

    public static CriterionResponse NotApplicable(string criterion) => CriterionResponse.WithStatus(criterion, ResponseStatus.NotApplicable);

    public static CriterionResponse Level(string criterion, int level) => CriterionResponse.WithLevel(criterion, level);
}
