using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>
/// Consortia's transitional plans (docs/architecture.md, "The domain"): functions to transfer, milestones and staff
/// transfers. Every save goes through the DbContext, so the audit interceptor records it; a save with a problem changes
/// nothing and names every problem; a save based on what someone else has since changed is refused, never merged.
/// Those who may read the consortium read its plan; those who may edit it change it (docs/security.md, "Roles and scopes").
/// </summary>
public sealed class TransitionPlans(DbContexts contexts, OrganisationScope scope, RevisionCheckedSave saves, TimeProvider clock)
{
    public const int MaxHeadcount = 10_000;

    /// <summary>Today in the UK: actual milestone dates may not be later.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>
    /// The consortium's plan, in three queries, or null when the user may not read the consortium. Functions by target
    /// date (undated last), transfers by function.
    /// </summary>
    public async Task<TransitionPlan?> GetAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        var functions = await db.PlannedFunctions
            .Where(f => f.ConsortiumCode == code)
            .OrderBy(f => f.TargetOn == null).ThenBy(f => f.TargetOn).ThenBy(f => f.Name).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        var milestones = await MilestonesAsync(db, code, cancellationToken);
        var transfers = await db.StaffTransfers
            .Where(t => t.ConsortiumCode == code)
            .OrderBy(t => t.Function).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return new TransitionPlan(functions, milestones, transfers);
    }

    /// <summary>
    /// All four milestones in order, whether or not any dates have been recorded for them; empty when the user may
    /// not read the consortium.
    /// </summary>
    public async Task<IReadOnlyList<PlannedMilestone>> MilestonesAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return [];
        }

        await using var db = contexts.OpenForReading();
        return await MilestonesAsync(db, OrganisationCode.Normalise(consortiumCode), cancellationToken);
    }

    /// <summary>One function of the consortium, or null when it has none with that id or the user may not read it.</summary>
    public async Task<PlannedFunction?> FindFunctionAsync(ActingUser? user, string consortiumCode, int id, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.PlannedFunctions.SingleOrDefaultAsync(f => f.Id == id && f.ConsortiumCode == code, cancellationToken);
    }

    /// <summary>One staff transfer of the consortium, or null when it has none with that id or the user may not read it.</summary>
    public async Task<StaffTransfer?> FindStaffTransferAsync(ActingUser? user, string consortiumCode, int id, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.StaffTransfers.SingleOrDefaultAsync(t => t.Id == id && t.ConsortiumCode == code, cancellationToken);
    }

    /// <summary>Adds a function to the plan; not found when the user may not edit the consortium.</summary>
    public async Task<EditOutcome> AddFunctionAsync(ActingUser? user, string consortiumCode, PlannedFunctionForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var (values, problems) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        var function = new PlannedFunction(consortiumCode, values.Name, values.ReceivingBody, values.Status, values.TargetOn);
        db.PlannedFunctions.Add(function);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(function.Id, function.Revision);
    }

    /// <summary>
    /// Changes a function if nobody has saved it since the form was opened (docs/architecture.md, "Editing: one
    /// outcome, one revision rule"). A form that does not carry the revision it was opened at is refused as a
    /// conflict, as the page has always done, so the person sees the function as stored before saving again.
    /// </summary>
    public async Task<EditOutcome> UpdateFunctionAsync(ActingUser? user, string consortiumCode, int id, PlannedFunctionForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.Open(user);
        var function = await db.PlannedFunctions.SingleOrDefaultAsync(f => f.Id == id && f.ConsortiumCode == code, cancellationToken);
        return await SaveAsync(db, code, function, form.Revision, f => f.Id, stored =>
        {
            var (values, problems) = Check(form);
            if (values is null)
            {
                return problems;
            }

            if ((values.Name, values.ReceivingBody, values.Status, values.TargetOn) != (stored.Name, stored.ReceivingBody, stored.Status, stored.TargetOn))
            {
                stored.Update(values.Name, values.ReceivingBody, values.Status, values.TargetOn);
            }

            return [];
        }, cancellationToken);
    }

    /// <summary>Adds a staff transfer to the plan; not found when the user may not edit the consortium.</summary>
    public async Task<EditOutcome> AddStaffTransferAsync(ActingUser? user, string consortiumCode, StaffTransferForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var (values, problems) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        var transfer = new StaffTransfer(consortiumCode, values.Function, values.Headcount, values.Destination);
        db.StaffTransfers.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(transfer.Id, transfer.Revision);
    }

    /// <summary>Changes a staff transfer unless someone saved it since the form was opened (as for functions).</summary>
    public async Task<EditOutcome> UpdateStaffTransferAsync(ActingUser? user, string consortiumCode, int id, StaffTransferForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.Open(user);
        var transfer = await db.StaffTransfers.SingleOrDefaultAsync(t => t.Id == id && t.ConsortiumCode == code, cancellationToken);
        return await SaveAsync(db, code, transfer, form.Revision, t => t.Id, stored =>
        {
            var (values, problems) = Check(form);
            if (values is null)
            {
                return problems;
            }

            if ((values.Function, values.Headcount, values.Destination) != (stored.Function, stored.Headcount, stored.Destination))
            {
                stored.Update(values.Function, values.Headcount, values.Destination);
            }

            return [];
        }, cancellationToken);
    }

    /// <summary>
    /// Sets the planned and actual dates of all four milestones at once. Blank dates are allowed; an actual date
    /// may not be after today. Refused as a whole if any milestone was saved by someone else since the form was
    /// opened (including one recorded for the first time), or if someone records one while this save runs: the four
    /// are one edit, so each one's revision is checked as <see cref="RevisionCheckedSave"/> checks one record's, and a
    /// refusal is counted and described by it. Not found when the user may not edit the consortium.
    /// </summary>
    public async Task<EditOutcome> SaveMilestonesAsync(ActingUser? user, string consortiumCode, MilestonesForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.Open(user);
        var stored = await db.Milestones.Where(m => m.ConsortiumCode == code).ToDictionaryAsync(m => m.Kind, cancellationToken);
        var kinds = Enum.GetValues<MilestoneKind>();

        // The conflict is with the consortium's milestones as a whole: the latest change to any of them. Each has a
        // revision of its own, so the conflict carries none; the page reads the four again.
        Task<EditConflict> ConflictAsync(Milestone milestone, CancellationToken ct) =>
            EditConflict.LatestAsync(db, nameof(Milestone), code, null, null, ct);

        foreach (var kind in kinds)
        {
            // A milestone not recorded yet was opened with an empty revision.
            var expected = stored.TryGetValue(kind, out var milestone) ? FormRevision.Key(milestone.Revision) : "";
            if ((form.For(kind).Revision?.Trim() ?? "") != expected)
            {
                return await saves.RefusedAsync(milestone ?? new Milestone(code, kind, null, null), ConflictAsync, cancellationToken);
            }
        }

        var problems = new List<FieldProblem>();
        var today = Today;
        var dates = new Dictionary<MilestoneKind, (DateOnly? Planned, DateOnly? Actual)>();
        foreach (var kind in kinds)
        {
            var typed = form.For(kind);
            InputValues.TryReadDate(MilestonesForm.FieldId(kind, actual: false), $"Planned date for {Subject(kind)}",
                typed.PlannedDay, typed.PlannedMonth, typed.PlannedYear, required: false, latest: null, problems, out var planned);
            InputValues.TryReadDate(MilestonesForm.FieldId(kind, actual: true), $"Actual date for {Subject(kind)}",
                typed.ActualDay, typed.ActualMonth, typed.ActualYear, required: false, latest: today, problems, out var actual);
            dates[kind] = (planned, actual);
        }

        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        var changed = new List<Milestone>();
        foreach (var kind in kinds)
        {
            var (planned, actual) = dates[kind];
            if (stored.TryGetValue(kind, out var milestone))
            {
                if ((milestone.PlannedOn, milestone.AchievedOn) != (planned, actual))
                {
                    milestone.Update(planned, actual);
                    changed.Add(milestone);
                }
            }
            else if (planned is not null || actual is not null)
            {
                var recorded = new Milestone(code, kind, planned, actual);
                db.Milestones.Add(recorded);
                changed.Add(recorded);
            }
        }

        if (changed.Count == 0)
        {
            return EditOutcome.Saved();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Saved();
        }
        catch (DbUpdateException)
        {
            // Someone saved one of them in between (its revision is its concurrency token), or recorded the same
            // milestone first (one a consortium and kind): either way a refusal, not an error.
            db.ChangeTracker.Clear();
            return await saves.RefusedAsync(changed[0], ConflictAsync, cancellationToken);
        }
    }

    /// <summary>How messages name a milestone: "Planned date for pathfinder status".</summary>
    private static string Subject(MilestoneKind kind) => kind switch
    {
        MilestoneKind.ShadowFormed => "forming the shadow consortium",
        MilestoneKind.Pathfinder => "pathfinder status",
        MilestoneKind.DelegatedBudget => "the delegated budget",
        MilestoneKind.Authorised => "authorisation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static async Task<IReadOnlyList<PlannedMilestone>> MilestonesAsync(TransitionTrackerDbContext db, string code, CancellationToken cancellationToken)
    {
        var stored = await db.Milestones.AsNoTracking()
            .Where(m => m.ConsortiumCode == code)
            .ToDictionaryAsync(m => m.Kind, cancellationToken);
        return Enum.GetValues<MilestoneKind>().Select(kind => new PlannedMilestone(kind, stored.GetValueOrDefault(kind))).ToList();
    }

    /// <summary>
    /// A function or staff transfer changed through <see cref="RevisionCheckedSave"/>. A form that does not carry the
    /// revision it was opened at is refused as a conflict, as the pages have always done.
    /// </summary>
    private async Task<EditOutcome> SaveAsync<TRecord>(
        TransitionTrackerDbContext db, string code, TRecord? stored, string? revision, Func<TRecord, int> id,
        Func<TRecord, IReadOnlyList<FieldProblem>> change, CancellationToken cancellationToken)
        where TRecord : class, IRevisioned
    {
        // The revision stored now, read afresh: after a lost race the tracked record holds ours, not theirs.
        async Task<EditConflict> ConflictAsync(TRecord record, CancellationToken ct)
        {
            var key = id(record);
            var current = await db.Set<TRecord>().AsNoTracking()
                .Where(r => EF.Property<int>(r, "Id") == key)
                .Select(r => (int?)r.Revision)
                .SingleOrDefaultAsync(ct);
            return await EditConflict.LatestAsync(db, typeof(TRecord).Name, code, FormRevision.Key(key), current, ct);
        }

        var basedOn = FormRevision.Parse(revision);
        if (stored is not null && basedOn is null)
        {
            return await saves.RefusedAsync(stored, ConflictAsync, cancellationToken);
        }

        return await saves.SaveAsync(db, stored, basedOn, change, ConflictAsync, record => id(record), cancellationToken);
    }

    private static (FunctionValues? Values, List<FieldProblem> Problems) Check(PlannedFunctionForm form)
    {
        var problems = new List<FieldProblem>();
        var name = InputValues.Text(form.Name, PlannedFunction.NameMaxLength, PlannedFunctionForm.NameField, "Function", "Enter the function", problems);
        var body = InputValues.Choice<ReceivingBody>(form.ReceivingBody, PlannedFunctionForm.ReceivingBodyField, "Select where the function goes", problems);
        var status = InputValues.Choice<FunctionStatus>(form.Status, PlannedFunctionForm.StatusField, "Select the function's status", problems);
        InputValues.TryReadDate(PlannedFunctionForm.TargetDateField, "Target date", form.TargetDay, form.TargetMonth, form.TargetYear,
            required: false, latest: null, problems, out var targetOn);
        return problems.Count > 0
            ? (null, problems)
            : (new FunctionValues(name, body!.Value, status!.Value, targetOn), problems);
    }

    private static (TransferValues? Values, List<FieldProblem> Problems) Check(StaffTransferForm form)
    {
        var problems = new List<FieldProblem>();
        var function = InputValues.Text(form.Function, StaffTransfer.FunctionMaxLength, StaffTransferForm.FunctionField, "Function", "Enter the function the staff work in", problems);
        var headcount = InputValues.WholeNumber(form.Headcount, 1, MaxHeadcount, StaffTransferForm.HeadcountField, "Headcount", problems);
        var destination = InputValues.Choice<ReceivingBody>(form.Destination, StaffTransferForm.DestinationField, "Select where the staff go", problems);
        return problems.Count > 0
            ? (null, problems)
            : (new TransferValues(function, headcount!.Value, destination!.Value), problems);
    }

    private sealed record FunctionValues(string Name, ReceivingBody ReceivingBody, FunctionStatus Status, DateOnly? TargetOn);

    private sealed record TransferValues(string Function, int Headcount, ReceivingBody Destination);
}
