namespace TransitionTracker.Application.Assessments;

/// <summary>
/// One criterion's answer as entered: <see cref="Value"/> is a status wire name ("met"), a level ("3"), or empty
/// for no answer; everything is kept as typed so a refused form can be shown again exactly.
/// </summary>
public sealed record AnswerInput(string CriterionId, string? Value, string? Evidence);
