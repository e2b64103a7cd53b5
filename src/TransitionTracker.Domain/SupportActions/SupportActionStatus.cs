namespace TransitionTracker.Domain.SupportActions;

public enum SupportActionStatus
{
    NotStarted,
    InProgress,
    Done,
}
