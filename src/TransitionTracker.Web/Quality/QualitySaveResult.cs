namespace TransitionTracker.Web.Quality;

/// <summary>What a save did: the months saved, or every problem found (and then nothing was saved).</summary>
public sealed record QualitySaveResult(IReadOnlyList<DateOnly> SavedMonths, IReadOnlyList<QualityProblem> Problems)
{
    public bool Saved => Problems.Count == 0;
}
