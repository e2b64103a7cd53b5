using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Assessments;

public sealed record HistoryPoint(DateTime SubmittedAtUtc, double? Score, Track Track)
{
    /// <summary>The UK date of the submission: the history lists and charts each submission on its own date.</summary>
    public DateOnly SubmittedOn => UkCalendar.DateOf(SubmittedAtUtc);
}
