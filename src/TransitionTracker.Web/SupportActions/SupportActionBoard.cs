using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Text;
using TransitionTracker.Web.Components.Pages.Consortia.Changes;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.SupportActions;

using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.SupportActions;

/// <summary>
/// A consortium's support actions: listing them, adding one, and changing one without overwriting what someone
/// else saved in the meantime. Saves go through the DbContext, so the audit interceptor records each change.
/// Each save returns every problem it found, and changes nothing when there is one.
/// </summary>
public sealed class SupportActionBoard(
    TransitionTrackerDbContext db,
    FrameworkLibrary frameworks,
    ChangeHistory history,
    TimeProvider clock,
    AuditActor actor,
    TransitionTrackerMetrics metrics)
{
    /// <summary>Actions aim at criteria of the default readiness framework (its latest version).</summary>
    public const string FrameworkId = "gp-consortium-readiness-2010";

    /// <summary>Today in the UK, the day against which actions are overdue.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The consortium's actions in due date order (the shared list puts overdue ones first).</summary>
    public async Task<IReadOnlyList<SupportActionItem>> ListAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (code is null)
        {
            return [];
        }

        var actions = await WithCriterionMet(db.SupportActions.AsNoTracking().Where(a => a.ConsortiumCode == code).OrderBy(a => a.DueOn).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return [];
        }

        var framework = await FrameworkAsync(cancellationToken);
        return actions.Select(a => new SupportActionItem(a.Action, framework.FindCriterion(a.Action.CriterionId)?.Text, a.CriterionMet)).ToList();
    }

    /// <summary>One action of the consortium, or null when there is none with that id in this consortium.</summary>
    public async Task<SupportActionItem?> FindAsync(string consortiumCode, int id, CancellationToken cancellationToken)
    {
        var found = await WithCriterionMet(db.SupportActions.AsNoTracking().Where(a => a.Id == id && a.ConsortiumCode == consortiumCode))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var framework = await FrameworkAsync(cancellationToken);
        return new SupportActionItem(found.Action, framework.FindCriterion(found.Action.CriterionId)?.Text, found.CriterionMet);
    }

    /// <summary>The framework whose criteria actions are aimed at.</summary>
    public async Task<Framework> FrameworkAsync(CancellationToken cancellationToken) =>
        await frameworks.FindAsync(FrameworkId, null, cancellationToken)
        ?? throw new InvalidOperationException($"The {FrameworkId} framework is not stored; start-up seeding stores it.");

    public async Task<SupportActionSave> AddAsync(string consortiumCode, SupportActionForm form, CancellationToken cancellationToken)
    {
        var framework = await FrameworkAsync(cancellationToken);
        var check = Check(form, framework, keptCriterion: null, withStatus: false);
        if (check.Values is not { } values)
        {
            return SupportActionSave.Invalid(check.Errors, check.DateParts);
        }

        var action = new SupportAction(consortiumCode, values.CriterionId, values.Description, values.Owner, values.DueOn, actor.Name, clock.GetUtcNow().UtcDateTime);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return SupportActionSave.Saved(action.Id);
    }

    /// <summary>
    /// Changes an action if nobody has saved it since the form was opened (the form's revision is still the stored
    /// one); otherwise refuses and says who changed what. The revision is also the row's concurrency token, so a
    /// save that races another between reading and writing is refused the same way.
    /// </summary>
    public async Task<SupportActionSave> UpdateAsync(string consortiumCode, int id, SupportActionForm form, CancellationToken cancellationToken)
    {
        var action = await db.SupportActions.SingleOrDefaultAsync(a => a.Id == id && a.ConsortiumCode == consortiumCode, cancellationToken);
        if (action is null)
        {
            return SupportActionSave.NotFound();
        }

        if (!int.TryParse(form.Revision, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) || revision != action.Revision)
        {
            return SupportActionSave.Refused(await ConflictAsync(action.Id, action.Revision, cancellationToken));
        }

        var framework = await FrameworkAsync(cancellationToken);
        var check = Check(form, framework, keptCriterion: action.CriterionId, withStatus: true);
        if (check.Values is not { } values)
        {
            return SupportActionSave.Invalid(check.Errors, check.DateParts);
        }

        if (values.CriterionId == action.CriterionId && values.Description == action.Description && values.Owner == action.Owner
            && values.DueOn == action.DueOn && values.Status == action.Status)
        {
            return SupportActionSave.Saved(action.Id);
        }

        action.Update(values.CriterionId, values.Description, values.Owner, values.DueOn, values.Status);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.SupportActions.AsNoTracking().Where(a => a.Id == id).Select(a => (int?)a.Revision).SingleOrDefaultAsync(cancellationToken);
            return stored is { } current
                ? SupportActionSave.Refused(await ConflictAsync(id, current, cancellationToken))
                : SupportActionSave.NotFound();
        }

        return SupportActionSave.Saved(action.Id);
    }

    private async Task<SupportActionConflict> ConflictAsync(int id, int currentRevision, CancellationToken cancellationToken)
    {
        metrics.EditConflict(nameof(SupportAction));
        return new(await history.LatestAsync(nameof(SupportAction), id.ToString(CultureInfo.InvariantCulture), cancellationToken), currentRevision);
    }

    /// <param name="keptCriterion">The action's own criterion, allowed even if a later framework version dropped it.</param>
    private static Checked Check(SupportActionForm form, Framework framework, string? keptCriterion, bool withStatus)
    {
        var errors = new List<FieldError>();
        var dateParts = new HashSet<string>(StringComparer.Ordinal);

        var criterion = form.Criterion?.Trim() ?? "";
        if (criterion.Length == 0)
        {
            errors.Add(new FieldError(SupportActionFields.Criterion, "Select the criterion this action supports"));
        }
        else if (framework.FindCriterion(criterion) is null && criterion != keptCriterion)
        {
            errors.Add(new FieldError(SupportActionFields.Criterion, "Select a criterion from the list"));
        }

        // Browsers send a text area's line breaks as CR LF; stored and counted as one character each.
        var description = (form.Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (description.Length == 0)
        {
            errors.Add(new FieldError(SupportActionFields.Description, "Enter a description of the action"));
        }
        else if (description.Length > SupportAction.DescriptionMaxLength)
        {
            errors.Add(new FieldError(SupportActionFields.Description, $"Description must be {SupportAction.DescriptionMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(description))
        {
            errors.Add(new FieldError(SupportActionFields.Description, PlainText.ForbiddenMessage("Description")));
        }

        var owner = form.Owner?.Trim() ?? "";
        if (owner.Length == 0)
        {
            errors.Add(new FieldError(SupportActionFields.Owner, "Enter who owns the action"));
        }
        else if (owner.Length > SupportAction.OwnerMaxLength)
        {
            errors.Add(new FieldError(SupportActionFields.Owner, $"Owner must be {SupportAction.OwnerMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(owner))
        {
            errors.Add(new FieldError(SupportActionFields.Owner, PlainText.ForbiddenMessage("Owner")));
        }

        var dueOn = DueDate(form, errors, dateParts);

        var status = SupportActionStatus.NotStarted;
        if (withStatus && !SupportActionStatusNames.TryParse(form.Status, out status))
        {
            errors.Add(new FieldError(SupportActionFields.Status, "Select the action's status"));
        }

        return errors.Count > 0 || dueOn is null
            ? new Checked(null, errors, dateParts)
            : new Checked(new Values(criterion, description, owner, dueOn.Value, status), errors, dateParts);
    }

    // The NHS date input's messages: a missing part, then a date that does not exist.
    private static DateOnly? DueDate(SupportActionForm form, List<FieldError> errors, HashSet<string> dateParts)
    {
        (string Id, string Name, string Value)[] boxes =
        [
            (SupportActionFields.DueDay, "day", form.DueDay?.Trim() ?? ""),
            (SupportActionFields.DueMonth, "month", form.DueMonth?.Trim() ?? ""),
            (SupportActionFields.DueYear, "year", form.DueYear?.Trim() ?? ""),
        ];

        DateOnly? Fail(IEnumerable<(string Id, string Name, string Value)> wrong, string message)
        {
            var parts = wrong.ToList();
            dateParts.UnionWith(parts.Select(p => p.Id));
            errors.Add(new FieldError(parts[0].Id, message));
            return null;
        }

        var missing = boxes.Where(b => b.Value.Length == 0).ToList();
        if (missing.Count == boxes.Length)
        {
            return Fail(boxes, "Enter the due date");
        }

        if (missing.Count > 0)
        {
            return Fail(missing, $"Due date must include a {string.Join(" and ", missing.Select(m => m.Name))}");
        }

        var numbers = boxes.Select(b => int.TryParse(b.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToArray();
        if (numbers.Any(n => n is null))
        {
            return Fail(boxes, "Due date must be a real date");
        }

        if (boxes[2].Value.Length != 4)
        {
            return Fail([boxes[2]], "Year must include 4 numbers");
        }

        var (day, month, year) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Fail(boxes, "Due date must be a real date");
        }

        return new DateOnly(year, month, day);
    }

    // Whether each action's criterion is met is read in the same query as the action (SupportActionRules).
    private IQueryable<ActionRow> WithCriterionMet(IQueryable<SupportAction> actions)
    {
        var met = SupportActionRules.MetCriteria(db);
        return actions.Select(a => new ActionRow
        {
            Action = a,
            CriterionMet = met.Any(m => m.ConsortiumCode == a.ConsortiumCode && m.CriterionId == a.CriterionId),
        });
    }

    private sealed class ActionRow
    {
        public required SupportAction Action { get; init; }

        public required bool CriterionMet { get; init; }
    }

    private sealed record Values(string CriterionId, string Description, string Owner, DateOnly DueOn, SupportActionStatus Status);

    private sealed record Checked(Values? Values, IReadOnlyList<FieldError> Errors, IReadOnlySet<string> DateParts);
}
