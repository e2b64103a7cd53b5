namespace TransitionTracker.Application.Changes;

/// <summary>One page of a consortium's changes (saves), newest first; <see cref="FirstPosition"/> is the 1-based position of its first change.</summary>
public sealed record ChangeHistoryPage(IReadOnlyList<RecordedSave> Saves, int PageNumber, int PageCount, int TotalChanges)
{
    public int FirstPosition => ((PageNumber - 1) * ChangeHistory.PageSize) + 1;

    public int LastPosition => FirstPosition + Saves.Count - 1;
}
