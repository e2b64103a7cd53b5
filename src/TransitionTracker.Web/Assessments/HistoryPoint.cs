using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Web.Assessments;

public sealed record HistoryPoint(DateTime SubmittedAtUtc, double? Score, Track Track);
