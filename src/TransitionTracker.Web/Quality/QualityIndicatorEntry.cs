using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Quality;
using TransitionTracker.Web.Dashboards;

namespace TransitionTracker.Web.Quality;

/// <summary>
/// PCT managers' entry of quality and finance indicators: one month from the form, or many from a CSV file. Every
/// value is checked first; a file with any bad row is refused whole, every problem listed, and nothing is saved.
/// A month already reported is replaced. One SaveChanges, so one transaction and one audit entry per row.
/// </summary>
public sealed class QualityIndicatorEntry(TransitionTrackerDbContext db, AuditActor actor, TimeProvider clock)
{
    public const int MaxRows = 240;
    public const long MaxFileBytes = 64 * 1024;

    public static readonly string[] Header =
        ["month", "qipp_planned_k", "qipp_delivered_k", "emergency_admissions_change_pct", "winter_plan", "rtt_admitted_pct", "rtt_non_admitted_pct"];

    private static readonly (string Column, string Field, string Label)[] Fields =
    [
        ("month", "month", "Month"),
        ("qipp_planned_k", "qipp-planned", "QIPP planned (£k)"),
        ("qipp_delivered_k", "qipp-delivered", "QIPP delivered (£k)"),
        ("emergency_admissions_change_pct", "emergency-change", "Emergency admissions change (%)"),
        ("winter_plan", "winter-plan", "Winter plan"),
        ("rtt_admitted_pct", "rtt-admitted", "RTT admitted within 18 weeks (%)"),
        ("rtt_non_admitted_pct", "rtt-non-admitted", "RTT non-admitted within 18 weeks (%)"),
    ];

    /// <summary>The CSV template: the header row and an example row, to be replaced by real months.</summary>
    public static string Template(string pctCode)
    {
        var csv = new StringBuilder();
        DashboardCsv.Line(csv, Header);
        DashboardCsv.Line(csv, ["2013-04", "1200.0", "1150.5", "1.5", "agreed", "91.2", "96.0"]);
        return csv.ToString();
    }

    /// <summary>The PCT's latest reported months, newest first.</summary>
    public async Task<IReadOnlyList<QualityIndicator>> RecentAsync(string pctCode, int count, CancellationToken cancellationToken) =>
        await db.QualityIndicators.AsNoTracking().Where(q => q.PctCode == pctCode).OrderByDescending(q => q.Month).Take(count).ToListAsync(cancellationToken);

    public Task<QualitySaveResult> SaveAsync(string pctCode, QualityIndicatorForm form, CancellationToken cancellationToken)
    {
        var problems = new List<QualityProblem>();
        var values = Read(form, null, problems);
        return problems.Count > 0 ? Task.FromResult(new QualitySaveResult([], problems)) : SaveAllAsync(pctCode, [values!], cancellationToken);
    }

    public Task<QualitySaveResult> ImportAsync(string pctCode, string csvText, CancellationToken cancellationToken)
    {
        var problems = new List<QualityProblem>();
        var lines = csvText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0 || !lines[0].TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header))
        {
            problems.Add(new QualityProblem(1, "header", $"The first row must be the template's header: {string.Join(",", Header)}"));
            return Task.FromResult(new QualitySaveResult([], problems));
        }

        if (lines.Count == 1)
        {
            problems.Add(new QualityProblem(null, "file", "The file has no rows after the header"));
            return Task.FromResult(new QualitySaveResult([], problems));
        }

        if (lines.Count - 1 > MaxRows)
        {
            problems.Add(new QualityProblem(null, "file", $"The file has {lines.Count - 1} rows; at most {MaxRows} can be uploaded at once"));
            return Task.FromResult(new QualitySaveResult([], problems));
        }

        var rows = new List<Values>();
        var seen = new Dictionary<DateOnly, int>();
        for (var i = 1; i < lines.Count; i++)
        {
            var rowNumber = i + 1;
            var cells = lines[i].Split(',');
            if (cells.Length != Header.Length)
            {
                problems.Add(new QualityProblem(rowNumber, "row", $"Row {rowNumber} has {cells.Length} values; it needs {Header.Length}, one per column"));
                continue;
            }

            var form = new QualityIndicatorForm
            {
                Month = cells[0], QippPlanned = cells[1], QippDelivered = cells[2], EmergencyChange = cells[3],
                WinterPlan = cells[4], RttAdmitted = cells[5], RttNonAdmitted = cells[6],
            };
            var values = Read(form, rowNumber, problems);
            if (values is null)
            {
                continue;
            }

            if (seen.TryGetValue(values.Month, out var earlier))
            {
                problems.Add(new QualityProblem(rowNumber, "month", $"Row {rowNumber}: month {MonthQuery.Format(values.Month)} is also in row {earlier}"));
                continue;
            }

            seen[values.Month] = rowNumber;
            rows.Add(values);
        }

        return problems.Count > 0 ? Task.FromResult(new QualitySaveResult([], problems)) : SaveAllAsync(pctCode, rows, cancellationToken);
    }

    private async Task<QualitySaveResult> SaveAllAsync(string pctCode, IReadOnlyList<Values> rows, CancellationToken cancellationToken)
    {
        var months = rows.Select(r => r.Month).ToList();
        var existing = await db.QualityIndicators.Where(q => q.PctCode == pctCode && months.Contains(q.Month)).ToDictionaryAsync(q => q.Month, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var r in rows)
        {
            if (existing.TryGetValue(r.Month, out var indicator))
            {
                indicator.Set(r.QippPlanned, r.QippDelivered, r.EmergencyChange, r.WinterPlan, r.RttAdmitted, r.RttNonAdmitted, actor.Name, now);
            }
            else
            {
                db.QualityIndicators.Add(new QualityIndicator(pctCode, r.Month, r.QippPlanned, r.QippDelivered, r.EmergencyChange, r.WinterPlan, r.RttAdmitted, r.RttNonAdmitted, actor.Name, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return new QualitySaveResult(months.Order().ToList(), []);
    }

    private Values? Read(QualityIndicatorForm form, int? row, List<QualityProblem> problems)
    {
        var before = problems.Count;
        string Where(string label) => row is null ? label : $"Row {row}: {label}";
        void Problem(int index, string message) => problems.Add(new QualityProblem(row, Fields[index].Field, $"{Where(Fields[index].Label)} {message}"));

        var month = MonthQuery.TryParse(form.Month);
        if (string.IsNullOrWhiteSpace(form.Month))
        {
            Problem(0, "is missing: enter a month like 2013-04");
        }
        else if (month is null)
        {
            Problem(0, "must be a month like 2013-04");
        }
        else if (month.Value.Year < 2000 || month.Value > UkCalendar.Today(clock).AddMonths(1))
        {
            Problem(0, "must be a month from 2000 up to next month");
        }

        var planned = Number(form.QippPlanned, 1, 0, 1_000_000, "pounds in thousands, 0 or more", Problem);
        var delivered = Number(form.QippDelivered, 2, 0, 1_000_000, "pounds in thousands, 0 or more", Problem);
        var emergency = Number(form.EmergencyChange, 3, -100, 1000, "a percentage change from -100 to 1000", Problem);
        if (!QualityWords.TryParseWire(form.WinterPlan, out var winter))
        {
            Problem(4, string.IsNullOrWhiteSpace(form.WinterPlan) ? "is missing: choose not-started, draft, agreed or tested" : "must be not-started, draft, agreed or tested");
        }

        var admitted = Number(form.RttAdmitted, 5, 0, 100, "a percentage from 0 to 100", Problem);
        var nonAdmitted = Number(form.RttNonAdmitted, 6, 0, 100, "a percentage from 0 to 100", Problem);
        return problems.Count > before
            ? null
            : new Values(month!.Value, planned!.Value, delivered!.Value, emergency!.Value, winter, admitted!.Value, nonAdmitted!.Value);
    }

    private static decimal? Number(string? text, int index, decimal min, decimal max, string expected, Action<int, string> problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problem(index, $"is missing: enter {expected}");
            return null;
        }

        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            problem(index, $"must be {expected}");
            return null;
        }

        return Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record Values(DateOnly Month, decimal QippPlanned, decimal QippDelivered, decimal EmergencyChange, WinterPlanStatus WinterPlan, decimal RttAdmitted, decimal RttNonAdmitted);
}
