using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Transition;
using TransitionTracker.Web.Components.Shared;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.Transition;

/// <summary>
/// A consortium's conflicts-of-interest register: interests declared by people whose commissioning decisions might
/// advantage member practices as providers, and how each is managed. Saves are audited by the interceptor, refuse
/// bad input as a whole, and refuse a change based on an entry someone else has since changed.
/// </summary>
public sealed class InterestRegister(TransitionTrackerDbContext db, TimeProvider clock, TransitionTrackerMetrics metrics)
{
    /// <summary>Today in the UK: an interest cannot have been declared later.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The register, most recently declared first.</summary>
    public async Task<IReadOnlyList<DeclaredInterest>> ListAsync(string consortiumCode, CancellationToken cancellationToken) =>
        await db.DeclaredInterests.AsNoTracking()
            .Where(i => i.ConsortiumCode == consortiumCode)
            .OrderByDescending(i => i.DeclaredOn).ThenBy(i => i.Person).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);

    /// <summary>One entry of the consortium's register, or null when it has none with that id.</summary>
    public Task<DeclaredInterest?> FindAsync(string consortiumCode, int id, CancellationToken cancellationToken) =>
        db.DeclaredInterests.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.ConsortiumCode == consortiumCode, cancellationToken);

    public async Task<EditOutcome> AddAsync(string consortiumCode, DeclaredInterestForm form, CancellationToken cancellationToken)
    {
        var (values, errors, dateParts) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, dateParts);
        }

        var interest = new DeclaredInterest(consortiumCode, values.Person, values.Interest, values.DeclaredOn, values.Management);
        db.DeclaredInterests.Add(interest);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(interest.Id);
    }

    /// <summary>
    /// Changes an entry if nobody has saved it since the form was opened; the revision is also the row's
    /// concurrency token, so a save racing another is refused the same way.
    /// </summary>
    public async Task<EditOutcome> UpdateAsync(string consortiumCode, int id, DeclaredInterestForm form, CancellationToken cancellationToken)
    {
        var interest = await db.DeclaredInterests.SingleOrDefaultAsync(i => i.Id == id && i.ConsortiumCode == consortiumCode, cancellationToken);
        if (interest is null)
        {
            return EditOutcome.NotFound();
        }

        if (!int.TryParse(form.Revision, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) || revision != interest.Revision)
        {
            return await RefusedAsync(consortiumCode, id, cancellationToken);
        }

        var (values, errors, dateParts) = Check(form);
        if (values is null)
        {
            return EditOutcome.Invalid(errors, dateParts);
        }

        if ((values.Person, values.Interest, values.DeclaredOn, values.Management) == (interest.Person, interest.Interest, interest.DeclaredOn, interest.Management))
        {
            return EditOutcome.Saved(id);
        }

        interest.Update(values.Person, values.Interest, values.DeclaredOn, values.Management);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EditOutcome.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await RefusedAsync(consortiumCode, id, cancellationToken);
        }
    }

    private async Task<EditOutcome> RefusedAsync(string consortiumCode, int id, CancellationToken cancellationToken)
    {
        metrics.EditConflict(nameof(DeclaredInterest));
        return EditOutcome.Refused(await EditConflict.LatestAsync(db, nameof(DeclaredInterest), consortiumCode, id, cancellationToken));
    }

    private (Values? Values, List<FieldError> Errors, HashSet<string> DateParts) Check(DeclaredInterestForm form)
    {
        var errors = new List<FieldError>();
        var dateParts = new HashSet<string>(StringComparer.Ordinal);
        var person = FormValues.Text(form.Person, DeclaredInterest.PersonMaxLength, DeclaredInterestForm.PersonField,
            "Name", "Enter the name of the person declaring the interest", errors);
        var interest = FormValues.Text(form.Interest, DeclaredInterest.TextMaxLength, DeclaredInterestForm.InterestField,
            "Interest", "Enter the interest declared", errors);
        FormValues.TryReadDate(DeclaredInterestForm.DeclaredDateField, "Date declared", form.DeclaredDay, form.DeclaredMonth, form.DeclaredYear,
            required: true, latest: Today, errors, dateParts, out var declaredOn);
        var management = FormValues.Text(form.Management, DeclaredInterest.TextMaxLength, DeclaredInterestForm.ManagementField,
            "How it is managed", "Enter how the conflict is managed", errors);
        return errors.Count > 0
            ? (null, errors, dateParts)
            : (new Values(person, interest, declaredOn!.Value, management), errors, dateParts);
    }

    private sealed record Values(string Person, string Interest, DateOnly DeclaredOn, string Management);
}
