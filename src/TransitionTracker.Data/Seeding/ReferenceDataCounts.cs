namespace TransitionTracker.Data.Seeding;

/// <summary>How many rows the reference data holds: in its CSV files, or in a database's tables.</summary>
public sealed record ReferenceDataCounts(int Shas, int Pcts, int Practices);
