namespace TransitionTracker.Application.Dashboards;

/// <summary>One page of the consortia table, with the total matching the filters.</summary>
public sealed record ConsortiumTablePage(IReadOnlyList<ConsortiumStanding> Rows, int Total, int PageNumber, int PageCount);
