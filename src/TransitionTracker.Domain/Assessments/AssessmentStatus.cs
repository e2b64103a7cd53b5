namespace TransitionTracker.Domain.Assessments;

public enum AssessmentStatus
{
    Draft,
    Submitted,
}
