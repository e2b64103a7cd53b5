using System.Globalization;
using CsvHelper;

namespace TransitionTracker.Data.Seeding;

/// <summary>Reads the reference data CSV files embedded in this assembly (or, given a reader, any text in their format).</summary>
public static class ReferenceDataFiles
{
    public const string FirstCandidateNote = "; PCT taken as the first candidate";

    public const string Shas = "shas.csv";
    public const string Pcts = "pcts.csv";
    public const string Practices = "practices.csv";
    public const string CcgSuccessors = "pct_ccg_successors.csv";

    public static IReadOnlyList<ShaRow> ReadShas() => ReadEmbedded(Shas, ReadShas);

    public static IReadOnlyList<ShaRow> ReadShas(TextReader reader) => Read(reader, csv =>
        new ShaRow(csv.GetField("code")!, csv.GetField("name")!, NullIfEmpty(csv.GetField("ons_code"))));

    public static IReadOnlyList<PctRow> ReadPcts() => ReadEmbedded(Pcts, ReadPcts);

    public static IReadOnlyList<PctRow> ReadPcts(TextReader reader) => Read(reader, csv =>
        new PctRow(csv.GetField("code")!, csv.GetField("name")!, csv.GetField("sha_code")!, NullIfEmpty(csv.GetField("ons_code"))));

    public static IReadOnlyList<CcgSuccessorRow> ReadCcgSuccessors() => ReadEmbedded(CcgSuccessors, reader => Read(reader, csv =>
        new CcgSuccessorRow(
            csv.GetField("pct_code")!,
            csv.GetField("ccg_code")!,
            csv.GetField("ccg_name")!,
            double.TryParse(csv.GetField("pct_postcode_share_pct"), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) ? share : null)));

    public static IReadOnlyList<PracticeRow> ReadPractices() => ReadEmbedded(Practices, ReadPractices);

    public static IReadOnlyList<PracticeRow> ReadPractices(TextReader reader) => Read(reader, csv =>
    {
        var code = csv.GetField("code")!;
        var pctCode = csv.GetField("pct_code");
        var source = csv.GetField("pct_source")!;
        if (string.IsNullOrEmpty(pctCode))
        {
            pctCode = FirstCandidate(code, csv.GetField("candidate_pcts"));
            source += FirstCandidateNote;
        }

        var opened = csv.GetField("ods_open_date");
        return new PracticeRow(
            code,
            csv.GetField("name")!,
            pctCode,
            int.Parse(csv.GetField("list_size")!, CultureInfo.InvariantCulture),
            NullIfEmpty(csv.GetField("ccg_code_2013")),
            source,
            string.IsNullOrEmpty(opened) ? null : DateOnly.ParseExact(opened, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    });

    // candidate_pcts looks like "5E1(100.0);5D9(100.0)", largest share first.
    private static string FirstCandidate(string practiceCode, string? candidates)
    {
        var first = candidates?.Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var bracket = first?.IndexOf('(') ?? -1;
        var code = bracket > 0 ? first![..bracket] : first;
        if (string.IsNullOrWhiteSpace(code))
        {
            throw new InvalidDataException($"Practice {practiceCode} has neither a PCT nor candidate PCTs.");
        }

        return code.Trim();
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Opens one of the embedded files (<see cref="Shas"/>, <see cref="Pcts"/>, ...) for reading.</summary>
    public static TextReader OpenEmbedded(string file)
    {
        var stream = typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream("ReferenceData." + file)
            ?? throw new InvalidOperationException($"Reference data file {file} is not embedded.");
        return new StreamReader(stream);
    }

    /// <summary>
    /// The number of data rows (records after the header) in CSV text, found by the same parser the Read methods use
    /// but without mapping any field: a line break inside a quoted field does not end a row, and blank lines are not rows.
    /// </summary>
    public static int CountRows(TextReader reader)
    {
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture, leaveOpen: true);
        var records = 0;
        while (parser.Read())
        {
            records++;
        }

        // The first record is the header.
        return Math.Max(records - 1, 0);
    }

    private static IReadOnlyList<T> ReadEmbedded<T>(string file, Func<TextReader, IReadOnlyList<T>> read)
    {
        using var reader = OpenEmbedded(file);
        return read(reader);
    }

    private static List<T> Read<T>(TextReader reader, Func<CsvReader, T> map)
    {
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture, leaveOpen: true);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(map(csv));
        }

        return rows;
    }
}
