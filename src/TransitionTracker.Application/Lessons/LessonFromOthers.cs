namespace TransitionTracker.Application.Lessons;

/// <summary>
/// A lesson written by another consortium that scored well in the lesson's domain in its latest submitted
/// assessment: what it says, who wrote it, and that consortium's score in the domain (0–100, as stored). When several
/// consortia recorded the same lesson, it is shown once under the best-scoring of them, and
/// <see cref="AlsoRecordedBy"/> counts the others.
/// </summary>
public sealed record LessonFromOthers(
    string DomainId,
    string Title,
    string Body,
    string ConsortiumCode,
    string ConsortiumName,
    double DomainScore,
    int AlsoRecordedBy = 0);
