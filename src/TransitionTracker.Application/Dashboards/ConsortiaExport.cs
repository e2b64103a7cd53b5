namespace TransitionTracker.Application.Dashboards;

/// <summary>The consortia table as a CSV file, or, when a filter or sort could not be used, no file and a note for each.</summary>
public sealed record ConsortiaExport(CsvFile? File, IReadOnlyList<string> Notes);
