using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Exports;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>
/// A consortium's conflicts-of-interest register: interests declared by people whose commissioning decisions might
/// advantage member practices as providers, and how each is managed. Saves are audited by the interceptor, refuse
/// bad input as a whole, and refuse a change based on an entry someone else has since changed. Those who may read
/// the consortium read the register; those who may edit it change it (docs/security.md, "Roles and scopes").
/// </summary>
public sealed class InterestRegister(DbContexts contexts, OrganisationScope scope, RevisionCheckedSave saves, TimeProvider clock)
{
    /// <summary>Today in the UK: an interest cannot have been declared later.</summary>
    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The register, most recently declared first; empty when the user may not read the consortium.</summary>
    public async Task<IReadOnlyList<DeclaredInterest>> ListAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return [];
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.DeclaredInterests
            .Where(i => i.ConsortiumCode == code)
            .OrderByDescending(i => i.DeclaredOn).ThenBy(i => i.Person).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// One page of the register: entries whose person, interest or management contains the search (ignoring case),
    /// in the order asked for, ties broken newest first, then by person. A page past the last shows the last. Null
    /// when the user may not read the consortium.
    /// </summary>
    public Task<InterestRegisterPage?> PageAsync(ActingUser? user, string consortiumCode, InterestRegisterQuery query, CancellationToken cancellationToken) =>
        PageAsync(user, consortiumCode, query, allRows: false, cancellationToken);

    /// <summary>
    /// The register's grid as a file (docs/architecture.md, "Exports"): every entry it finds with the search and sort
    /// of the address (not only one page), with the columns it shows. Values that cannot be used refuse the export
    /// with a note each, rather than being dropped as the page drops them; null when the user may not read the consortium.
    /// </summary>
    public async Task<ExportOutcome?> ExportAsync(
        ActingUser? user, string consortiumCode, string? search, string? sort, string? dir, ExportFormat format, CancellationToken cancellationToken)
    {
        var (query, notes) = InterestRegisterQuery.Parse(search, sort, dir, null);
        if (await PageAsync(user, consortiumCode, query, allRows: true, cancellationToken) is not { } all)
        {
            return null;
        }

        if (notes.Count > 0)
        {
            return ExportOutcome.Refused(notes);
        }

        var table = new ExportTable("Register of interests", ["Person", "Interest", "Date declared", "How it is managed"],
            all.Entries.Select(i => (IReadOnlyList<object?>)[i.Person, i.Interest, UkCalendar.Date(i.DeclaredOn), i.Management]).ToList());
        return ExportOutcome.Of(ExportWriter.Write($"register-of-interests-{OrganisationCode.Normalise(consortiumCode)}", format, table));
    }

    private async Task<InterestRegisterPage?> PageAsync(ActingUser? user, string consortiumCode, InterestRegisterQuery query, bool allRows, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        var register = db.DeclaredInterests.AsNoTracking().Where(i => i.ConsortiumCode == code);
        var total = await register.CountAsync(cancellationToken);
        var matching = register;
        if (!string.IsNullOrEmpty(query.Search))
        {
            var search = query.Search.ToUpperInvariant();
            matching = matching.Where(i => i.Person.ToUpper().Contains(search) || i.Interest.ToUpper().Contains(search) || i.Management.ToUpper().Contains(search));
        }

        var matchCount = string.IsNullOrEmpty(query.Search) ? total : await matching.CountAsync(cancellationToken);
        var pageSize = allRows ? Math.Max(1, matchCount) : InterestRegisterQuery.PageSize;
        var pageCount = Math.Max(1, (matchCount + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var ordered = (query.Sort, query.Descending) switch
        {
            ("person", false) => matching.OrderBy(i => i.Person.ToUpper()).ThenByDescending(i => i.DeclaredOn),
            ("person", true) => matching.OrderByDescending(i => i.Person.ToUpper()).ThenByDescending(i => i.DeclaredOn),
            (_, false) => matching.OrderBy(i => i.DeclaredOn).ThenBy(i => i.Person),
            _ => matching.OrderByDescending(i => i.DeclaredOn).ThenBy(i => i.Person),
        };
        var entries = await ordered.ThenBy(i => i.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return new InterestRegisterPage(entries, page, pageCount, matchCount, total);
    }

    /// <summary>One entry of the consortium's register, or null when it has none with that id or the user may not read it.</summary>
    public async Task<DeclaredInterest?> FindAsync(ActingUser? user, string consortiumCode, int id, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        return await db.DeclaredInterests.SingleOrDefaultAsync(i => i.Id == id && i.ConsortiumCode == code, cancellationToken);
    }

    /// <summary>Adds an entry to the register; not found when the user may not edit the consortium.</summary>
    public async Task<EditOutcome> AddAsync(ActingUser? user, string consortiumCode, DeclaredInterestForm form, CancellationToken cancellationToken)
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
        var interest = new DeclaredInterest(consortiumCode, values.Person, values.Interest, values.DeclaredOn, values.Management);
        db.DeclaredInterests.Add(interest);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved(interest.Id, interest.Revision);
    }

    /// <summary>
    /// Changes an entry if nobody has saved it since the form was opened (docs/architecture.md, "Editing: one outcome,
    /// one revision rule"). A form that does not carry a revision it was opened at is refused as a conflict, as
    /// the page has always done, so the person sees the entry as stored before saving again.
    /// </summary>
    public async Task<EditOutcome> UpdateAsync(ActingUser? user, string consortiumCode, int id, DeclaredInterestForm form, CancellationToken cancellationToken)
    {
        if (!await scope.CanEditConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return EditOutcome.NotFound();
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.Open(user);
        var interest = await db.DeclaredInterests.SingleOrDefaultAsync(i => i.Id == id && i.ConsortiumCode == code, cancellationToken);

        // The revision stored now, read afresh: after a lost race the tracked entry holds ours, not theirs.
        async Task<EditConflict> ConflictAsync(DeclaredInterest stored, CancellationToken ct)
        {
            var current = await db.DeclaredInterests.AsNoTracking().Where(i => i.Id == stored.Id).Select(i => (int?)i.Revision).SingleOrDefaultAsync(ct);
            return await EditConflict.LatestAsync(db, nameof(DeclaredInterest), code, FormRevision.Key(stored.Id), current, ct);
        }

        var basedOn = FormRevision.Parse(form.Revision);
        if (interest is not null && basedOn is null)
        {
            return await saves.RefusedAsync(interest, ConflictAsync, cancellationToken);
        }

        return await saves.SaveAsync(db, interest, basedOn, stored =>
        {
            var (values, problems) = Check(form);
            if (values is null)
            {
                return problems;
            }

            if ((values.Person, values.Interest, values.DeclaredOn, values.Management) != (stored.Person, stored.Interest, stored.DeclaredOn, stored.Management))
            {
                stored.Update(values.Person, values.Interest, values.DeclaredOn, values.Management);
            }

            return [];
        }, ConflictAsync, stored => stored.Id, cancellationToken);
    }

    private (Values? Values, List<FieldProblem> Problems) Check(DeclaredInterestForm form)
    {
        var problems = new List<FieldProblem>();
        var person = InputValues.Text(form.Person, DeclaredInterest.PersonMaxLength, DeclaredInterestForm.PersonField,
            "Name", "Enter the name of the person declaring the interest", problems);
        var interest = InputValues.Text(form.Interest, DeclaredInterest.TextMaxLength, DeclaredInterestForm.InterestField,
            "Interest", "Enter the interest declared", problems);
        InputValues.TryReadDate(DeclaredInterestForm.DeclaredDateField, "Date declared", form.DeclaredDay, form.DeclaredMonth, form.DeclaredYear,
            required: true, latest: Today, problems, out var declaredOn);
        var management = InputValues.Text(form.Management, DeclaredInterest.TextMaxLength, DeclaredInterestForm.ManagementField,
            "How it is managed", "Enter how the conflict is managed", problems);
        return problems.Count > 0
            ? (null, problems)
            : (new Values(person, interest, declaredOn!.Value, management), problems);
    }

    private sealed record Values(string Person, string Interest, DateOnly DeclaredOn, string Management);
}
