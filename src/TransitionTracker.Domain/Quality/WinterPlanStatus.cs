namespace TransitionTracker.Domain.Quality;

public enum WinterPlanStatus
{
    NotStarted,
    Draft,
    Agreed,
    Tested,
}
