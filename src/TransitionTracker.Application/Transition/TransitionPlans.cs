using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.Transition;

/// <summary>
/// Consortia's transitional plans (docs/architecture.md, "The domain"): functions to transfer, milestones and staff
/// transfers. Every save goes through the DbContext, so the audit interceptor records it; a save with a problem changes
/// nothing and names every problem; a save based on what someone else has since changed is refused, never merged.
/// </summary>
public sealed class TransitionPlans(TransitionTrackerDbContext db, TimeProvider clock, TransitionTrackerMetrics metrics)
{
    public const int MaxHeadcount = 10_000;

    /// <summary>Today in the UK: actual milestone dates may not be later.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The consortium's plan, in three queries. Functions by target date (undated last), transfers by function.</summary>
    public async Task<TransitionPlan> GetAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        var functions = await db.PlannedFunctions.AsNoTracking()
            .Where(f => f.ConsortiumCode == consortiumCode)
            .OrderBy(f => f.TargetOn == null).ThenBy(f => f.TargetOn).ThenBy(f => f.Name).ThenBy(f => f.Id)
            .ToListAsync(cancellationToken);
        var milestones = await MilestonesAsync(consortiumCode, cancellationToken);
        var transfers = await db.StaffTransfers.AsNoTracking()
            .Where(t => t.ConsortiumCode == consortiumCode)
            .OrderBy(t => t.Function).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return new TransitionPlan(functions, milestones, transfers);
    }

    /// <summary>All four milestones in order, whether or not any dates have been recorded for them.</summary>
    public async Task<IReadOnlyList<PlannedMilestone>> MilestonesAsync(string consortiumCode, CancellationToken cancellationToken)
    {
        var stored = await db.Milestones.AsNoTracking()
            .Where(m => m.ConsortiumCode == consortiumCode)
            .ToDictionaryAsync(m => m.Kind, cancellationToken);
        return Enum.GetValues<MilestoneKind>().Select(kind => new PlannedMilestone(kind, stored.GetValueOrDefault(kind))).ToList();
    }

    /// <summary>One function of the consortium, or null when it has none with that id.</summary>
    public Task<PlannedFunction?> FindFunctionAsync(string consortiumCode, int id, CancellationToken cancellationToken) =>
        db.PlannedFunctions.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.ConsortiumCode == consortiumCode, cancellationToken);

    /// <summary>One staff transfer of the consortium, or null when it has none with that id.</summary>
    public Task<StaffTransfer?> FindStaffTransferAsync(string consortiumCode, int id, CancellationToken cancellationToken) =>
        db.StaffTransfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.ConsortiumCode == consortiumCode, cancellationToken);

    public async Task<EditOutcome> AddFunctionAsync(string consortiumCode, PlannedFunctionForm form, CancellationToken cancellationToken)
    {
        var (values, errors, dateParts) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, dateParts);
        }

        var function = new PlannedFunction(consortiumCode, values.Name, values.ReceivingBody, values.Status, values.TargetOn);
        db.PlannedFunctions.Add(function);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(function.Id);
    }

    /// <summary>
    /// Changes a function if nobody has saved it since the form was opened (the form's revision is still the stored
    /// one). The revision is also the row's concurrency token, so a save racing another between our read and our
    /// write is refused the same way.
    /// </summary>
    public async Task<EditOutcome> UpdateFunctionAsync(string consortiumCode, int id, PlannedFunctionForm form, CancellationToken cancellationToken)
    {
        var function = await db.PlannedFunctions.SingleOrDefaultAsync(f => f.Id == id && f.ConsortiumCode == consortiumCode, cancellationToken);
        if (function is null)
        {
            return EditOutcome.NotFound();
        }

        if (!IsRevision(form.Revision, function.Revision))
        {
            return await RefusedAsync(nameof(PlannedFunction), consortiumCode, id, cancellationToken);
        }

        var (values, errors, dateParts) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, dateParts);
        }

        if ((values.Name, values.ReceivingBody, values.Status, values.TargetOn) == (function.Name, function.ReceivingBody, function.Status, function.TargetOn))
        {
            return EditOutcome.Saved(id);
        }

        function.Update(values.Name, values.ReceivingBody, values.Status, values.TargetOn);
        return await SaveAsync(nameof(PlannedFunction), consortiumCode, id, cancellationToken);
    }

    public async Task<EditOutcome> AddStaffTransferAsync(string consortiumCode, StaffTransferForm form, CancellationToken cancellationToken)
    {
        var (values, errors) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, new HashSet<string>());
        }

        var transfer = new StaffTransfer(consortiumCode, values.Function, values.Headcount, values.Destination);
        db.StaffTransfers.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(transfer.Id);
    }

    /// <summary>Changes a staff transfer unless someone saved it since the form was opened (as for functions).</summary>
    public async Task<EditOutcome> UpdateStaffTransferAsync(string consortiumCode, int id, StaffTransferForm form, CancellationToken cancellationToken)
    {
        var transfer = await db.StaffTransfers.SingleOrDefaultAsync(t => t.Id == id && t.ConsortiumCode == consortiumCode, cancellationToken);
        if (transfer is null)
        {
            return EditOutcome.NotFound();
        }

        if (!IsRevision(form.Revision, transfer.Revision))
        {
            return await RefusedAsync(nameof(StaffTransfer), consortiumCode, id, cancellationToken);
        }

        var (values, errors) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, new HashSet<string>());
        }

        if ((values.Function, values.Headcount, values.Destination) == (transfer.Function, transfer.Headcount, transfer.Destination))
        {
            return EditOutcome.Saved(id);
        }

        transfer.Update(values.Function, values.Headcount, values.Destination);
        return await SaveAsync(nameof(StaffTransfer), consortiumCode, id, cancellationToken);
    }

    /// <summary>
    /// Sets the planned and actual dates of all four milestones at once. Blank dates are allowed; an actual date
    /// may not be after today. Refused as a whole if any milestone was saved by someone else since the form was
    /// opened (including one recorded for the first time).
    /// </summary>
    public async Task<EditOutcome> SaveMilestonesAsync(string consortiumCode, MilestonesForm form, CancellationToken cancellationToken)
    {
        var stored = await db.Milestones.Where(m => m.ConsortiumCode == consortiumCode).ToDictionaryAsync(m => m.Kind, cancellationToken);
        var kinds = Enum.GetValues<MilestoneKind>();
        foreach (var kind in kinds)
        {
            var expected = stored.TryGetValue(kind, out var milestone) ? milestone.Revision.ToString(CultureInfo.InvariantCulture) : "";
            if ((form.For(kind).Revision?.Trim() ?? "") != expected)
            {
                return await RefusedAsync(nameof(Milestone), consortiumCode, null, cancellationToken);
            }
        }

        var errors = new List<FieldError>();
        var dateParts = new HashSet<string>(StringComparer.Ordinal);
        var today = Today;
        var dates = new Dictionary<MilestoneKind, (DateOnly? Planned, DateOnly? Actual)>();
        foreach (var kind in kinds)
        {
            var typed = form.For(kind);
            FormValues.TryReadDate(MilestonesForm.FieldId(kind, actual: false), $"Planned date for {Subject(kind)}",
                typed.PlannedDay, typed.PlannedMonth, typed.PlannedYear, required: false, latest: null, errors, dateParts, out var planned);
            FormValues.TryReadDate(MilestonesForm.FieldId(kind, actual: true), $"Actual date for {Subject(kind)}",
                typed.ActualDay, typed.ActualMonth, typed.ActualYear, required: false, latest: today, errors, dateParts, out var actual);
            dates[kind] = (planned, actual);
        }

        if (errors.Count > 0)
        {
            return EditOutcome.Invalid(errors, dateParts);
        }

        foreach (var kind in kinds)
        {
            var (planned, actual) = dates[kind];
            if (stored.TryGetValue(kind, out var milestone))
            {
                if ((milestone.PlannedOn, milestone.AchievedOn) != (planned, actual))
                {
                    milestone.Update(planned, actual);
                }
            }
            else if (planned is not null || actual is not null)
            {
                db.Milestones.Add(new Milestone(consortiumCode, kind, planned, actual));
            }
        }

        return await SaveAsync(nameof(Milestone), consortiumCode, null, cancellationToken);
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

    private static bool IsRevision(string? typed, int stored) =>
        int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision == stored;

    /// <summary>
    /// Saves what the caller changed. A concurrency failure (someone saved the row in between) is a refusal, not an
    /// error; so, for milestones (<paramref name="id"/> null), is a duplicate: someone recorded the same milestone first.
    /// </summary>
    private async Task<EditOutcome> SaveAsync(string entityType, string consortiumCode, int? id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Saved(id);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || id is null)
        {
            db.ChangeTracker.Clear();
            return await RefusedAsync(entityType, consortiumCode, id, cancellationToken);
        }
    }

    private async Task<EditOutcome> RefusedAsync(string entityType, string consortiumCode, int? id, CancellationToken cancellationToken)
    {
        metrics.EditConflict(entityType);
        return EditOutcome.Refused(await EditConflict.LatestAsync(db, entityType, consortiumCode, id, cancellationToken));
    }

    private static (FunctionValues? Values, List<FieldError> Errors, HashSet<string> DateParts) Check(PlannedFunctionForm form)
    {
        var errors = new List<FieldError>();
        var dateParts = new HashSet<string>(StringComparer.Ordinal);
        var name = FormValues.Text(form.Name, PlannedFunction.NameMaxLength, PlannedFunctionForm.NameField, "Function", "Enter the function", errors);
        var body = FormValues.Choice<ReceivingBody>(form.ReceivingBody, PlannedFunctionForm.ReceivingBodyField, "Select where the function goes", errors);
        var status = FormValues.Choice<FunctionStatus>(form.Status, PlannedFunctionForm.StatusField, "Select the function's status", errors);
        FormValues.TryReadDate(PlannedFunctionForm.TargetDateField, "Target date", form.TargetDay, form.TargetMonth, form.TargetYear,
            required: false, latest: null, errors, dateParts, out var targetOn);
        return errors.Count > 0
            ? (null, errors, dateParts)
            : (new FunctionValues(name, body!.Value, status!.Value, targetOn), errors, dateParts);
    }

    private static (TransferValues? Values, List<FieldError> Errors) Check(StaffTransferForm form)
    {
        var errors = new List<FieldError>();
        var function = FormValues.Text(form.Function, StaffTransfer.FunctionMaxLength, StaffTransferForm.FunctionField, "Function", "Enter the function the staff work in", errors);
        var headcount = FormValues.WholeNumber(form.Headcount, 1, MaxHeadcount, StaffTransferForm.HeadcountField, "Headcount", errors);
        var destination = FormValues.Choice<ReceivingBody>(form.Destination, StaffTransferForm.DestinationField, "Select where the staff go", errors);
        return errors.Count > 0
            ? (null, errors)
            : (new TransferValues(function, headcount!.Value, destination!.Value), errors);
    }

    private sealed record FunctionValues(string Name, ReceivingBody ReceivingBody, FunctionStatus Status, DateOnly? TargetOn);

    private sealed record TransferValues(string Function, int Headcount, ReceivingBody Destination);
}
