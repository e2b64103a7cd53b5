namespace TransitionTracker.Application.Changes;

/// <summary>
/// One page of a consortium's changes (saves) that match the list's query, in its order; <see cref="TotalChanges"/>
/// counts every change, <see cref="MatchingChanges"/> those that match, and <see cref="FirstPosition"/> is the 1-based
/// position of the page's first change among them.
/// </summary>
public sealed record ChangeHistoryPage(IReadOnlyList<RecordedSave> Saves, int PageNumber, int PageCount, int TotalChanges, int MatchingChanges)
{
    public int FirstPosition => ((PageNumber - 1) * ChangeHistory.PageSize) + 1;

    public int LastPosition => FirstPosition + Saves.Count - 1;
}
