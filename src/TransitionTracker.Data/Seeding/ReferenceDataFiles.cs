using System.Globalization;
using CsvHelper;

namespace TransitionTracker.Data.Seeding;

/// <summary>Reads the reference data CSV files embedded in this assembly (or, given a reader, any text in their format).</summary>
public static class ReferenceDataFiles
{
    /// <summary>Ends the source of a practice whose PCT was chosen from its candidates (see <see cref="ChoosePct"/>).</summary>
    public const string ChosenCandidateNote = "; PCT chosen from the candidates";

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
            pctCode = ChoosePct(code, csv.GetField("candidate_pcts"));
            source += ChosenCandidateNote;
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

    /// <summary>
    /// The PCT of a practice the data gives only candidates for, written like "5E1(100.0);5D9(100.0)" (each PCT's
    /// postcode share in the practice's 2013 CCG): the candidate with the largest share. Where several tie for it
    /// (each lies wholly in the CCG, so the data cannot tell them apart), the practice goes to one of them by its code:
    /// the sum of the code's characters, modulo the number tied, picks among them in PCT code order. This splits a
    /// CCG's practices between its predecessors and gives a practice the same PCT on every load, whatever order the
    /// candidates are listed in (docs/data-sources.md, "Caveats").
    /// </summary>
    public static string ChoosePct(string practiceCode, string? candidates)
    {
        var parsed = (candidates ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Candidate)
            .Where(c => c.Code.Length > 0)
            .ToList();
        if (parsed.Count == 0)
        {
            throw new InvalidDataException($"Practice {practiceCode} has neither a PCT nor candidate PCTs.");
        }

        var largest = parsed.Max(c => c.Share);
        var tied = parsed.Where(c => c.Share == largest).Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var sum = practiceCode.Trim().Sum(c => (int)c);
        return tied[sum % tied.Count];
    }

    // One "5E1(100.0)" entry; an entry without a readable share counts as the smallest.
    private static (string Code, double Share) Candidate(string entry)
    {
        var bracket = entry.IndexOf('(', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return (entry, double.NegativeInfinity);
        }

        var share = entry[(bracket + 1)..].TrimEnd(')');
        return (entry[..bracket].Trim(), double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NegativeInfinity);
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
