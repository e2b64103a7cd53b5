using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Frameworks;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Text;

namespace TransitionTracker.Application.SupportActions;

/// <summary>
/// A consortium's support actions: listing them (for those who may read the consortium), adding one, and changing
/// one without overwriting what someone else saved in the meantime (for those who may edit it). Each operation opens
/// its own context, so the audit interceptor records each change as the acting user's. Each save returns every
/// problem it found, and changes nothing when there is one (docs/architecture.md, "Editing: one outcome, one revision rule").
/// </summary>
public sealed class SupportActionBoard(
    DbContexts contexts,
    OrganisationScope scope,
    FrameworkLibrary frameworks,
    RevisionCheckedSave save,
    TimeProvider clock)
{
    /// <summary>Actions aim at criteria of the default readiness framework (its latest version).</summary>
    public const string FrameworkId = "gp-consortium-readiness-2010";

    /// <summary>Today in the UK, the day against which actions are overdue.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>
    /// The consortium's actions in due date order (the shared list puts overdue ones first); empty when the user may
    /// not read the consortium.
    /// </summary>
    public async Task<IReadOnlyList<SupportActionItem>> ListAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        return code is null || !await scope.CanReadConsortiumAsync(user, code, cancellationToken)
            ? []
            : await ListOfAsync(code, cancellationToken);
    }

    /// <summary>
    /// The consortium's support actions as a file (docs/architecture.md, "Exports"), in the order the list shows them:
    /// overdue first, then open ones whose criterion is now met, then the rest by due date, done ones last. Null when
    /// the user may not read the consortium.
    /// </summary>
    public async Task<ExportFile?> ExportAsync(ActingUser? user, string consortiumCode, ExportFormat format, CancellationToken cancellationToken)
    {
        if (OrganisationCode.TryNormalise(consortiumCode) is not { } code || !await scope.CanReadConsortiumAsync(user, code, cancellationToken))
        {
            return null;
        }

        var today = Today;
        var rows = (await ListOfAsync(code, cancellationToken))
            .OrderByDescending(a => a.IsOverdue(today))
            .ThenByDescending(a => a.IsReadyToClose)
            .ThenBy(a => a.Status == SupportActionStatus.Done)
            .ThenBy(a => a.DueOn)
            .ThenBy(a => a.Id)
            .Select(a => (IReadOnlyList<object?>)
            [
                a.CriterionId, a.CriterionText, a.Description, a.Owner, UkCalendar.Date(a.DueOn), a.Status.ToDisplay(),
                a.IsOverdue(today) ? "Overdue" : a.IsReadyToClose ? "Criterion met: close this action?" : null,
            ])
            .ToList();
        var table = new ExportTable("Support actions", ["Criterion", "Criterion text", "Action", "Owner", "Due", "Status", "Flag"], rows);
        return ExportWriter.Write($"support-actions-{code}", format, table);
    }

    /// <summary><see cref="ListAsync"/> without the scope check, for use cases that have checked it themselves.</summary>
    internal async Task<IReadOnlyList<SupportActionItem>> ListOfAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var actions = await WithCriterionMet(db, db.SupportActions.AsNoTracking().Where(a => a.ConsortiumCode == code).OrderBy(a => a.DueOn).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return [];
        }

        var framework = await DefaultFrameworkAsync(actions[0].FrameworkVersion, cancellationToken);
        return actions.Select(a => new SupportActionItem(a.Action, framework.FindCriterion(a.Action.CriterionId)?.Text, a.CriterionMet)).ToList();
    }

    /// <summary>
    /// One action of the consortium, or null when there is none with that id in this consortium (or the user may not
    /// read the consortium).
    /// </summary>
    public async Task<SupportActionItem?> FindAsync(ActingUser? user, string consortiumCode, int id, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (code is null || !await scope.CanReadConsortiumAsync(user, code, cancellationToken))
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var found = await WithCriterionMet(db, db.SupportActions.AsNoTracking().Where(a => a.Id == id && a.ConsortiumCode == code))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var framework = await DefaultFrameworkAsync(found.FrameworkVersion, cancellationToken);
        return new SupportActionItem(found.Action, framework.FindCriterion(found.Action.CriterionId)?.Text, found.CriterionMet);
    }

    /// <summary>The framework whose criteria actions are aimed at (a published framework: any signed-in user reads it); null for nobody signed in.</summary>
    public async Task<Framework?> FrameworkAsync(ActingUser? user, CancellationToken cancellationToken) =>
        user is null ? null : await DefaultFrameworkAsync(null, cancellationToken);

    /// <summary>Adds an action to the consortium, recorded as the acting user's; not found when they may not edit the consortium.</summary>
    public async Task<EditOutcome> AddAsync(ActingUser? user, string consortiumCode, SupportActionForm form, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (user is null || code is null || !await scope.CanEditConsortiumAsync(user, code, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var framework = await DefaultFrameworkAsync(null, cancellationToken);
        var problems = new List<FieldProblem>();
        if (Check(form, framework, keptCriterion: null, withStatus: false, problems) is not { } values)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        var action = new SupportAction(code, values.CriterionId, values.Description, values.Owner, values.DueOn, user.AuditName, clock.GetUtcNow().UtcDateTime);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(action.Id, action.Revision);
    }

    /// <summary>
    /// Changes an action if nobody has saved it since the form was opened (the form's revision is still the stored
    /// one); otherwise refuses and says who changed what (<see cref="RevisionCheckedSave"/>). Not found when there is
    /// no such action in the consortium or the acting user may not edit the consortium.
    /// </summary>
    public async Task<EditOutcome> UpdateAsync(ActingUser? user, string consortiumCode, int id, SupportActionForm form, CancellationToken cancellationToken)
    {
        var code = OrganisationCode.TryNormalise(consortiumCode);
        if (user is null || code is null || !await scope.CanEditConsortiumAsync(user, code, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        await using var db = contexts.Open(user);
        var action = await db.SupportActions.SingleOrDefaultAsync(a => a.Id == id && a.ConsortiumCode == code, cancellationToken);
        if (action is null)
        {
            return EditOutcome.NotFound();
        }

        Task<EditConflict> Conflict(SupportAction stored, CancellationToken ct) => ConflictAsync(db, stored, ct);

        // The form always carries the revision it was opened at; a post without a readable one (an empty or forged
        // form) is refused as a conflict, as the pages always have: the person sees the stored action's latest change
        // and can then save deliberately over the stored revision.
        if (!int.TryParse(form.Revision, NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return await save.RefusedAsync(action, Conflict, cancellationToken);
        }

        var framework = await DefaultFrameworkAsync(null, cancellationToken);
        return await save.SaveAsync(db, action, revision, stored => Change(stored, form, framework), Conflict, stored => stored.Id, cancellationToken);
    }

    // The latest version when none is given; a version this process has parsed already costs no query.
    private async Task<Framework> DefaultFrameworkAsync(int? version, CancellationToken cancellationToken) =>
        await frameworks.FindAsync(FrameworkId, version, cancellationToken)
        ?? throw new InvalidOperationException($"The {FrameworkId} framework is not stored; start-up seeding stores it.");

    // Applies the form to the action only when it changes something, so an unchanged form is saved without a write.
    private static IReadOnlyList<FieldProblem> Change(SupportAction action, SupportActionForm form, Framework framework)
    {
        var problems = new List<FieldProblem>();
        if (Check(form, framework, keptCriterion: action.CriterionId, withStatus: true, problems) is not { } values)
        {
            return problems;
        }

        if (values.CriterionId != action.CriterionId || values.Description != action.Description || values.Owner != action.Owner
            || values.DueOn != action.DueOn || values.Status != action.Status)
        {
            action.Update(values.CriterionId, values.Description, values.Owner, values.DueOn, values.Status);
        }

        return [];
    }

    // The revision stored now (read afresh: a save that lost a race has cleared what the context tracked) and the
    // action's latest recorded change.
    private static async Task<EditConflict> ConflictAsync(TransitionTrackerDbContext db, SupportAction stored, CancellationToken cancellationToken)
    {
        var current = await db.SupportActions.AsNoTracking().Where(a => a.Id == stored.Id).Select(a => (int?)a.Revision).SingleOrDefaultAsync(cancellationToken);
        return await EditConflict.LatestAsync(
            db, nameof(SupportAction), stored.ConsortiumCode, stored.Id.ToString(CultureInfo.InvariantCulture), current, cancellationToken);
    }

    /// <param name="keptCriterion">The action's own criterion, allowed even if a later framework version dropped it.</param>
    private static Values? Check(SupportActionForm form, Framework framework, string? keptCriterion, bool withStatus, List<FieldProblem> problems)
    {
        var criterion = form.Criterion?.Trim() ?? "";
        if (criterion.Length == 0)
        {
            problems.Add(new FieldProblem(SupportActionFields.Criterion, "Select the criterion this action supports"));
        }
        else if (framework.FindCriterion(criterion) is null && criterion != keptCriterion)
        {
            problems.Add(new FieldProblem(SupportActionFields.Criterion, "Select a criterion from the list"));
        }

        // Browsers send a text area's line breaks as CR LF; stored and counted as one character each.
        var description = (form.Description ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (description.Length == 0)
        {
            problems.Add(new FieldProblem(SupportActionFields.Description, "Enter a description of the action"));
        }
        else if (description.Length > SupportAction.DescriptionMaxLength)
        {
            problems.Add(new FieldProblem(SupportActionFields.Description, $"Description must be {SupportAction.DescriptionMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(description))
        {
            problems.Add(new FieldProblem(SupportActionFields.Description, PlainText.ForbiddenMessage("Description")));
        }

        var owner = form.Owner?.Trim() ?? "";
        if (owner.Length == 0)
        {
            problems.Add(new FieldProblem(SupportActionFields.Owner, "Enter who owns the action"));
        }
        else if (owner.Length > SupportAction.OwnerMaxLength)
        {
            problems.Add(new FieldProblem(SupportActionFields.Owner, $"Owner must be {SupportAction.OwnerMaxLength} characters or fewer"));
        }
        else if (PlainText.HasForbiddenCharacter(owner))
        {
            problems.Add(new FieldProblem(SupportActionFields.Owner, PlainText.ForbiddenMessage("Owner")));
        }

        var dueOn = DueDate(form, problems);

        var status = SupportActionStatus.NotStarted;
        if (withStatus && !SupportActionStatusNames.TryParse(form.Status, out status))
        {
            problems.Add(new FieldProblem(SupportActionFields.Status, "Select the action's status"));
        }

        return problems.Count > 0 || dueOn is null ? null : new Values(criterion, description, owner, dueOn.Value, status);
    }

    // The NHS date input's messages: a missing part, then a date that does not exist. Each problem names the wrong parts.
    private static DateOnly? DueDate(SupportActionForm form, List<FieldProblem> problems)
    {
        (string Part, string Value)[] boxes =
        [
            (DatePart.Day, form.DueDay?.Trim() ?? ""),
            (DatePart.Month, form.DueMonth?.Trim() ?? ""),
            (DatePart.Year, form.DueYear?.Trim() ?? ""),
        ];

        DateOnly? Fail(IEnumerable<(string Part, string Value)> wrong, string message)
        {
            problems.Add(new FieldProblem(SupportActionFields.DueDate, message, Parts: wrong.Select(p => p.Part).ToList()));
            return null;
        }

        var missing = boxes.Where(b => b.Value.Length == 0).ToList();
        if (missing.Count == boxes.Length)
        {
            return Fail(boxes, "Enter the due date");
        }

        if (missing.Count > 0)
        {
            return Fail(missing, $"Due date must include a {string.Join(" and ", missing.Select(m => m.Part))}");
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

    // Whether each action's criterion is met is read in the same query as the action (SupportActionRules), and so is
    // the latest version of the framework actions aim at, so that a version parsed already needs no query of its own.
    private static IQueryable<ActionRow> WithCriterionMet(TransitionTrackerDbContext db, IQueryable<SupportAction> actions)
    {
        var met = SupportActionRules.MetCriteria(db);
        var versions = db.Frameworks.Where(f => f.FrameworkId == FrameworkId);
        return actions.Select(a => new ActionRow
        {
            Action = a,
            CriterionMet = met.Any(m => m.ConsortiumCode == a.ConsortiumCode && m.CriterionId == a.CriterionId),
            FrameworkVersion = versions.Max(f => (int?)f.Version),
        });
    }

    private sealed class ActionRow
    {
        public required SupportAction Action { get; init; }

        public required bool CriterionMet { get; init; }

        public required int? FrameworkVersion { get; init; }
    }

    private sealed record Values(string CriterionId, string Description, string Owner, DateOnly DueOn, SupportActionStatus Status);
}
