namespace TransitionTracker.Application.Dashboards;

/// <summary>A region's consortia table on its own: the state used (a note for each value dropped) and the page.</summary>
public sealed record RegionTableView(ConsortiumTableQuery Query, IReadOnlyList<string> Notes, ConsortiumTablePage Table);
