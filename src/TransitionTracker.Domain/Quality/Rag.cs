namespace TransitionTracker.Domain.Quality;

/// <summary>Red, amber or green against a standard.</summary>
public enum Rag
{
    Red,
    Amber,
    Green,
}
