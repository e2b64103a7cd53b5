using System.Globalization;
using System.Text;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Dashboards;

/// <summary>The dashboards' CSV exports: the same columns and values as the tables on the page.</summary>
public static class DashboardCsv
{
    public static readonly string[] ConsortiumHeader =
        ["code", "name", "host_pct", "stage", "population", "score", "track", "computed_track", "override", "last_assessed"];

    public static string Consortia(IEnumerable<ConsortiumStanding> rows)
    {
        var csv = new StringBuilder();
        Line(csv, ConsortiumHeader);
        foreach (var row in rows)
        {
            Line(csv, ConsortiumFields(row));
        }

        return csv.ToString();
    }

    /// <summary>A row's fields as the export writes them (tests compare the page's table with these).</summary>
    public static string[] ConsortiumFields(ConsortiumStanding row) =>
    [
        row.Code,
        row.Name,
        row.HostPctCode ?? "",
        row.Stage.ToWire(),
        row.Population.ToString(CultureInfo.InvariantCulture),
        row.Score?.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
        row.Track?.ToWireName() ?? "",
        row.ComputedTrack?.ToWireName() ?? "",
        row.Override?.ToWireName() ?? "",
        row.LastAssessedUtc is { } at ? UkCalendar.DateOf(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
    ];

    public static string Heatmap(Framework framework, IEnumerable<HeatmapRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, ["code", "name", .. framework.Domains.Select(d => d.Id)]);
        foreach (var row in rows)
        {
            Line(csv, [row.Code, row.Name, .. framework.Domains.Select(d => row.Scores.TryGetValue(d.Id, out var s) ? s.ToString("0.0", CultureInfo.InvariantCulture) : "")]);
        }

        return csv.ToString();
    }

    public static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    // Quotes fields that need it; a leading =, +, -, @, tab or carriage return is neutralised so spreadsheets do
    // not run it as a formula (numbers such as -1.5 are left as they are).
    private static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '@' or '-' or '\t' or '\r' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
