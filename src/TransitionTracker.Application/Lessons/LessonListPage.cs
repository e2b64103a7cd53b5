using TransitionTracker.Domain.Lessons;

namespace TransitionTracker.Application.Lessons;

/// <summary>
/// One page of a consortium's own lessons. <see cref="Matching"/> counts the lessons the search and domain matched,
/// <see cref="Total"/> every lesson of the consortium.
/// </summary>
public sealed record LessonListPage(IReadOnlyList<Lesson> Lessons, int Page, int PageCount, int Matching, int Total);
