using System.Globalization;
using CsvHelper;

namespace TransitionTracker.Data.Seeding;

/// <summary>Reads the reference data CSV files embedded in this assembly.</summary>
public static class ReferenceDataFiles
{
    public const string FirstCandidateNote = "; PCT taken as the first candidate";

    public static IReadOnlyList<ShaRow> ReadShas() => Read("shas.csv", csv =>
        new ShaRow(csv.GetField("code")!, csv.GetField("name")!, NullIfEmpty(csv.GetField("ons_code"))));

    public static IReadOnlyList<PctRow> ReadPcts() => Read("pcts.csv", csv =>
        new PctRow(csv.GetField("code")!, csv.GetField("name")!, csv.GetField("sha_code")!, NullIfEmpty(csv.GetField("ons_code"))));

    public static IReadOnlyList<CcgSuccessorRow> ReadCcgSuccessors() => Read("pct_ccg_successors.csv", csv =>
        new CcgSuccessorRow(
            csv.GetField("pct_code")!,
            csv.GetField("ccg_code")!,
            csv.GetField("ccg_name")!,
            double.TryParse(csv.GetField("pct_postcode_share_pct"), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) ? share : null));

    public static IReadOnlyList<PracticeRow> ReadPractices() => Read("practices.csv", csv =>
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

    private static List<T> Read<T>(string file, Func<CsvReader, T> map)
    {
        using var stream = typeof(ReferenceDataFiles).Assembly.GetManifestResourceStream("ReferenceData." + file)
            ?? throw new InvalidOperationException($"Reference data file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
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
