using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

/// <summary>
/// One submitted assessment's answers and evidence, read-only, grouped by the domains of the framework version it was
/// made against; criteria nobody answered are listed as not answered.
/// </summary>
/// <param name="Changes">What changed since the previous submitted assessment of the consortium and framework; null for the first.</param>
public sealed record SubmittedAnswers(
    int Id,
    string ConsortiumCode,
    string FrameworkId,
    int FrameworkVersion,
    string FrameworkName,
    DateTime SubmittedAtUtc,
    string? SubmittedBy,
    double? Score,
    Track? Track,
    IReadOnlyList<SubmittedAnswers.DomainAnswers> Domains,
    AnswerChanges? Changes)
{
    public sealed record DomainAnswers(string Id, string Name, IReadOnlyList<Answer> Answers);

    /// <param name="Value">The answer as people read it (<see cref="AnswerText.Describe"/>): "Met", "Level 3", "Not answered".</param>
    public sealed record Answer(string CriterionId, string CriterionText, bool Essential, string Value, string? Evidence, string? AnsweredBy, DateTime? AnsweredAtUtc);
}
