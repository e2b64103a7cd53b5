namespace TransitionTracker.Web.Assessments;

/// <summary>A problem with one criterion's answer (or with the request as a whole when <see cref="CriterionId"/> is null).</summary>
public sealed record AnswerProblem(string? CriterionId, string Field, string Message);
