using TransitionTracker.Domain.Assessments;

namespace TransitionTracker.Web.Assessments;

/// <summary>What happened to a save: done, refused with field problems, refused because someone saved first, or refused because the save did not say which revision it was based on.</summary>
public sealed record SaveOutcome(SaveResult Result, IReadOnlyList<AnswerProblem> Problems, Assessment? Current)
{
    public static SaveOutcome Saved(Assessment current) => new(SaveResult.Saved, [], current);

    public static SaveOutcome Invalid(IReadOnlyList<AnswerProblem> problems) => new(SaveResult.Invalid, problems, null);

    public static SaveOutcome Conflict(Assessment current) => new(SaveResult.Conflict, [], current);

    public static SaveOutcome RevisionRequired(Assessment current) => new(SaveResult.RevisionRequired, [], current);

    public static SaveOutcome NoDraft() => new(SaveResult.NoDraft, [], null);
}
