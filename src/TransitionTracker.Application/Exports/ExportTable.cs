namespace TransitionTracker.Application.Exports;

/// <summary>
/// One table as an export writes it (docs/architecture.md, "Exports"): the headings and values a person reads on the
/// page, not the wire names. A cell is a string, a whole number (<see cref="long"/>), a number (<see cref="double"/>)
/// or null for nothing; the workbook keeps numbers as numbers, the CSV file writes them as the page does.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Whether every row has one cell per heading.</summary>
    public bool IsRectangular => Rows.All(r => r.Count == Headings.Count);
}
