namespace TransitionTracker.Application.Organisations;

/// <summary>
/// One page of a PCT's practice table. <see cref="Matching"/> counts the practices the search matched;
/// <see cref="PracticeCount"/> and <see cref="TotalListSize"/> are for every practice of the PCT, whatever the search.
/// </summary>
public sealed record PracticeTablePage(
    IReadOnlyList<PracticeListing> Rows,
    int Page,
    int PageCount,
    int Matching,
    int PracticeCount,
    long TotalListSize);
