namespace TransitionTracker.Data.Seeding;

/// <summary>
/// The reference data CSV files the seeder reads: the ones embedded in this assembly (<see cref="Embedded"/>), or
/// other text in the same format, opened by file name (<see cref="ReferenceDataFiles.Shas"/>, ...).
/// </summary>
public sealed class ReferenceDataSource(Func<string, TextReader> open)
{
    public static ReferenceDataSource Embedded { get; } = new(ReferenceDataFiles.OpenEmbedded);

    /// <summary>Each file's row count, counted by the CSV parser without mapping any field.</summary>
    public ReferenceDataCounts CountRows() => new(
        Use(ReferenceDataFiles.Shas, ReferenceDataFiles.CountRows),
        Use(ReferenceDataFiles.Pcts, ReferenceDataFiles.CountRows),
        Use(ReferenceDataFiles.Practices, ReferenceDataFiles.CountRows));

    public IReadOnlyList<ShaRow> ReadShas() => Use(ReferenceDataFiles.Shas, ReferenceDataFiles.ReadShas);

    public IReadOnlyList<PctRow> ReadPcts() => Use(ReferenceDataFiles.Pcts, ReferenceDataFiles.ReadPcts);

    public IReadOnlyList<PracticeRow> ReadPractices() => Use(ReferenceDataFiles.Practices, ReferenceDataFiles.ReadPractices);

    private T Use<T>(string file, Func<TextReader, T> read)
    {
        using var reader = open(file);
        return read(reader);
    }
}
