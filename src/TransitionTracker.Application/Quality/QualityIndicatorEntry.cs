using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Quality;

namespace TransitionTracker.Application.Quality;

/// <summary>
/// PCT managers' entry of quality and finance indicators: one month from the form, or many from a CSV file. Every
/// value is checked first; a file with any bad row is refused whole, every problem listed (each a
/// <see cref="FieldProblem"/> whose <see cref="FieldProblem.Item"/> is the row number), and nothing is saved. A month
/// already reported is replaced. One SaveChanges, so one transaction and one audit entry per row. Reading a PCT's
/// indicators is for users who may read the PCT; entering them for users who may edit it.
/// </summary>
public sealed class QualityIndicatorEntry(DbContexts contexts, OrganisationScope scope, RevisionCheckedSave save, TimeProvider clock)
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
        Exports.ExportWriter.Line(csv, Header);
        Exports.ExportWriter.Line(csv, ["2013-04", "1200.0", "1150.5", "1.5", "agreed", "91.2", "96.0"]);
        return csv.ToString();
    }

    /// <summary>The revision an editor saves on when it read no record of the month: a conflict if one exists now.</summary>
    public const int NoRecord = 0;

    /// <summary>One reported month of the PCT, or null when not reported or the user may not read the PCT.</summary>
    public async Task<QualityIndicator?> MonthAsync(ActingUser? user, string pctCode, DateOnly month, CancellationToken cancellationToken)
    {
        if (await AllowedPctAsync(user, AccessOperation.Read, pctCode, cancellationToken) is not { } pct)
        {
            return null;
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        await using var db = contexts.OpenForReading();
        return await db.QualityIndicators.AsNoTracking().SingleOrDefaultAsync(q => q.PctCode == pct && q.Month == first, cancellationToken);
    }

    /// <summary>The PCT's latest reported months, newest first; none when the user may not read the PCT.</summary>
    public async Task<IReadOnlyList<QualityIndicator>> RecentAsync(ActingUser? user, string pctCode, int count, CancellationToken cancellationToken)
    {
        if (await AllowedPctAsync(user, AccessOperation.Read, pctCode, cancellationToken) is not { } pct)
        {
            return [];
        }

        await using var db = contexts.OpenForReading();
        return await db.QualityIndicators.Where(q => q.PctCode == pct).OrderByDescending(q => q.Month).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One month from the form; the outcome's value is the month saved. A month already reported is replaced, under the
    /// revision rule (docs/architecture.md, "Editing: one outcome, one revision rule"): based on
    /// <paramref name="basedOnRevision"/> when the editor read the month's record (a conflict when it has changed
    /// since, not found when there is none); on <see cref="NoRecord"/> when the editor read no record of the month (a
    /// conflict when one has been saved since); or, when null, on whatever is stored as the change is made (CSV files
    /// say a month, not a revision). Every value is checked against <see cref="QualityIndicatorRules"/> first. Not
    /// found when the user may not edit the PCT.
    /// </summary>
    public async Task<EditOutcome<IReadOnlyList<DateOnly>>> SaveAsync(
        ActingUser? user, string pctCode, QualityIndicatorForm form, int? basedOnRevision, CancellationToken cancellationToken)
    {
        if (await AllowedPctAsync(user, AccessOperation.Edit, pctCode, cancellationToken) is not { } pct)
        {
            return Months(EditOutcome.NotFound());
        }

        var problems = new List<FieldProblem>();
        var values = Read(form, null, problems);
        return problems.Count > 0 ? Months(EditOutcome.Invalid(problems)) : await SaveAllAsync(user!, pct, [values!], basedOnRevision, cancellationToken);
    }

    /// <summary>
    /// Every month of a CSV file made from <see cref="Template"/>; the outcome's value is the months saved. Not found
    /// when the user may not edit the PCT.
    /// </summary>
    public async Task<EditOutcome<IReadOnlyList<DateOnly>>> ImportAsync(ActingUser? user, string pctCode, string csvText, CancellationToken cancellationToken)
    {
        if (await AllowedPctAsync(user, AccessOperation.Edit, pctCode, cancellationToken) is not { } pct)
        {
            return Months(EditOutcome.NotFound());
        }

        var problems = Import(csvText, out var rows);
        return problems.Count > 0 ? Months(EditOutcome.Invalid(problems)) : await SaveAllAsync(user!, pct, rows, null, cancellationToken);
    }

    private List<FieldProblem> Import(string csvText, out List<Values> rows)
    {
        var problems = new List<FieldProblem>();
        rows = [];
        var lines = csvText.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0 || !lines[0].TrimStart('\uFEFF').Split(',').Select(h => h.Trim().ToLowerInvariant()).SequenceEqual(Header))
        {
            problems.Add(RowProblem(1, "header", $"The first row must be the template's header: {string.Join(",", Header)}"));
            return problems;
        }

        if (lines.Count == 1)
        {
            problems.Add(RowProblem(null, "file", "The file has no rows after the header"));
            return problems;
        }

        if (lines.Count - 1 > MaxRows)
        {
            problems.Add(RowProblem(null, "file", $"The file has {lines.Count - 1} rows; at most {MaxRows} can be uploaded at once"));
            return problems;
        }

        var seen = new Dictionary<DateOnly, int>();
        for (var i = 1; i < lines.Count; i++)
        {
            var rowNumber = i + 1;
            var cells = lines[i].Split(',');
            if (cells.Length != Header.Length)
            {
                problems.Add(RowProblem(rowNumber, "row", $"Row {rowNumber} has {cells.Length} values; it needs {Header.Length}, one per column"));
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
                problems.Add(RowProblem(rowNumber, "month", $"Row {rowNumber}: month {MonthQuery.Format(values.Month)} is also in row {earlier}"));
                continue;
            }

            seen[values.Month] = rowNumber;
            rows.Add(values);
        }

        return problems;
    }

    // One context for the whole save, audited as the user. One month already reported follows the revision rule
    // through RevisionCheckedSave; a file's months, and a new month, are refused as a conflict if another save wins the
    // race for any of them (the revision is the row's concurrency token; a (PCT, month) is unique).
    private async Task<EditOutcome<IReadOnlyList<DateOnly>>> SaveAllAsync(
        ActingUser user, string pctCode, IReadOnlyList<Values> rows, int? basedOnRevision, CancellationToken cancellationToken)
    {
        var months = rows.Select(r => r.Month).Order().ToList();
        await using var db = contexts.Open(user);
        var existing = await db.QualityIndicators.Where(q => q.PctCode == pctCode && months.Contains(q.Month)).ToDictionaryAsync(q => q.Month, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (rows is [var only] && existing.TryGetValue(only.Month, out var stored))
        {
            var outcome = await save.SaveAsync(
                db,
                stored,
                basedOnRevision ?? stored.Revision,
                q =>
                {
                    q.Set(only.QippPlanned, only.QippDelivered, only.EmergencyChange, only.WinterPlan, only.RttAdmitted, only.RttNonAdmitted, user.AuditName, now);
                    return [];
                },
                (q, ct) => ConflictAsync(db, q.Id, ct),
                q => q.Id,
                cancellationToken);
            return Months(outcome, months);
        }

        if (basedOnRevision is not null and not NoRecord)
        {
            // Based on a record of a month that is not reported: there is no such record.
            return Months(EditOutcome.NotFound());
        }

        foreach (var r in rows)
        {
            if (existing.TryGetValue(r.Month, out var indicator))
            {
                indicator.Set(r.QippPlanned, r.QippDelivered, r.EmergencyChange, r.WinterPlan, r.RttAdmitted, r.RttNonAdmitted, user.AuditName, now);
            }
            else
            {
                db.QualityIndicators.Add(new QualityIndicator(pctCode, r.Month, r.QippPlanned, r.QippDelivered, r.EmergencyChange, r.WinterPlan, r.RttAdmitted, r.RttNonAdmitted, user.AuditName, now));
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var single = rows is [var one] ? db.QualityIndicators.Local.Single(q => q.Month == one.Month) : null;
            return Months(single is null ? EditOutcome.Saved() : EditOutcome.Saved(single.Id, single.Revision), months);
        }
        catch (DbUpdateException)
        {
            // Another save of one of these months won: refused with the first month that changed meanwhile.
            db.ChangeTracker.Clear();
            var current = await db.QualityIndicators.AsNoTracking()
                .Where(q => q.PctCode == pctCode && months.Contains(q.Month))
                .OrderBy(q => q.Month)
                .ToListAsync(cancellationToken);
            // A month read before the change has had its revision counted up by it; one not read then is new since.
            var first = current.FirstOrDefault(q => !existing.TryGetValue(q.Month, out var read) || read.Revision - 1 != q.Revision);
            if (first is null)
            {
                throw;
            }

            return Months(await save.RefusedAsync(first, (q, ct) => ConflictAsync(db, q.Id, ct), cancellationToken));
        }
    }

    private static async Task<EditConflict> ConflictAsync(TransitionTrackerDbContext db, int id, CancellationToken cancellationToken)
    {
        var current = await db.QualityIndicators.AsNoTracking().Where(q => q.Id == id).Select(q => (int?)q.Revision).SingleOrDefaultAsync(cancellationToken);
        return await EditConflict.LatestAsync(db, nameof(QualityIndicator), null, id.ToString(CultureInfo.InvariantCulture), current, cancellationToken);
    }

    private static EditOutcome<IReadOnlyList<DateOnly>> Months(EditOutcome outcome, IReadOnlyList<DateOnly>? months = null) =>
        EditOutcome<IReadOnlyList<DateOnly>>.From(outcome, outcome.IsSaved ? months : null);

    private static FieldProblem RowProblem(int? row, string field, string message) =>
        new(field, message, row?.ToString(CultureInfo.InvariantCulture));

    /// <summary>The PCT's code when the user may do <paramref name="operation"/> to it, otherwise null.</summary>
    private async Task<string?> AllowedPctAsync(ActingUser? user, AccessOperation operation, string pctCode, CancellationToken cancellationToken) =>
        OrganisationCode.TryNormalise(pctCode) is { } code && await scope.AllowsAsync(user, OrganisationKind.Pct, operation, code, cancellationToken) ? code : null;

    private Values? Read(QualityIndicatorForm form, int? row, List<FieldProblem> problems)
    {
        var before = problems.Count;
        string Where(string label) => row is null ? label : $"Row {row}: {label}";
        void Problem(int index, string message) => problems.Add(RowProblem(row, Fields[index].Field, $"{Where(Fields[index].Label)} {message}"));

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

        var planned = Number(form.QippPlanned, 1, QualityIndicatorRules.QippPlanned, row, Problem, problems);
        var delivered = Number(form.QippDelivered, 2, QualityIndicatorRules.QippDelivered, row, Problem, problems);
        if (planned > 0 && delivered > planned * QualityIndicatorRules.MostDeliveredOfPlanned)
        {
            problems.Add(RowProblem(row, Fields[2].Field, Where(QualityIndicatorRules.DeliveredOverPlan)));
            delivered = null;
        }

        var emergency = Number(form.EmergencyChange, 3, QualityIndicatorRules.EmergencyChange, row, Problem, problems);
        if (!QualityWords.TryParseWire(form.WinterPlan, out var winter))
        {
            Problem(4, string.IsNullOrWhiteSpace(form.WinterPlan) ? "is missing: choose not-started, draft, agreed or tested" : "must be not-started, draft, agreed or tested");
        }

        var admitted = Number(form.RttAdmitted, 5, QualityIndicatorRules.RttAdmitted, row, Problem, problems);
        var nonAdmitted = Number(form.RttNonAdmitted, 6, QualityIndicatorRules.RttNonAdmitted, row, Problem, problems);
        return problems.Count > before
            ? null
            : new Values(month!.Value, planned!.Value, delivered!.Value, emergency!.Value, winter, admitted!.Value, nonAdmitted!.Value);
    }

    // A number, or null with its problem: missing, not a number, or outside the rule's plausible range (explained).
    private static decimal? Number(string? text, int index, QualityIndicatorRule rule, int? row, Action<int, string> problem, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problem(index, "is missing: enter a number");
            return null;
        }

        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            problem(index, "must be a number, for example 12.5");
            return null;
        }

        if (!rule.Allows(value))
        {
            problems.Add(RowProblem(row, rule.Field, row is null ? rule.OutOfRange : $"Row {row}: {rule.OutOfRange}"));
            return null;
        }

        return Math.Round(value, 1, MidpointRounding.AwayFromZero);
    }

    private sealed record Values(DateOnly Month, decimal QippPlanned, decimal QippDelivered, decimal EmergencyChange, WinterPlanStatus WinterPlan, decimal RttAdmitted, decimal RttNonAdmitted);
}
