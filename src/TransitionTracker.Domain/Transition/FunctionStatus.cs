namespace TransitionTracker.Domain.Transition;

public enum FunctionStatus
{
    NotStarted,
    InProgress,
    Transferred,
}
