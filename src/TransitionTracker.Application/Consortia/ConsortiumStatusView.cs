using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Consortia;

/// <summary>
/// A consortium's status as one reader sees it: what <see cref="ConsortiumStatus"/> reads, today in the UK (against which
/// actions are overdue), what the reader may do, and when it reaches fast mover at its pace.
/// </summary>
public sealed record ConsortiumStatusView(
    ConsortiumDetail Consortium,
    ConsortiumReadiness Readiness,
    IReadOnlyList<SupportActionItem> Actions,
    IReadOnlyList<string> WeakestDomains,
    IReadOnlyList<LessonFromOthers> LessonsFromOthers,
    IReadOnlyList<Milestone> Milestones,
    DateOnly Today,
    bool CanEdit,
    bool CanReview,
    ForecastView Forecast);
