using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Consortia;

/// <summary>A consortium a practice may be recorded as joining.</summary>
public sealed record ConsortiumChoice(string Code, string Name)
{
    public override string ToString() => $"{Name} ({Code})";
}

/// <summary>One membership of a practice, past or current.</summary>
public sealed record MembershipPeriod(string ConsortiumCode, string ConsortiumName, DateOnly JoinedOn, DateOnly? LeftOn);

/// <summary>
/// A practice as a PCT manager sees it before recording a move: where it is now (null for no consortium), every
/// membership it has had, newest first, and the consortia it may be recorded as joining.
/// </summary>
public sealed record PracticeMembership(
    string PracticeCode,
    string PracticeName,
    string PctCode,
    int ListSize,
    MembershipPeriod? Current,
    IReadOnlyList<MembershipPeriod> History,
    IReadOnlyList<ConsortiumChoice> Choices);

/// <summary>
/// Practices joining and leaving consortia, with the date it happened (docs/architecture.md, "Consortia as they
/// formed"). Practices choose their consortium; a PCT manager records the choice for a practice of their PCT, into a
/// consortium of the PCTs they manage. A practice is never in two consortia at once: a move ends the current
/// membership the day the new one starts. The memberships are kept as history and audited against both consortia;
/// population figures, dashboards and scopes read current memberships, so they follow from the date on.
/// </summary>
public sealed class PracticeMoves(DbContexts contexts, OrganisationScope scope, TimeProvider clock)
{
    /// <summary>The input name of the consortium joined (empty: the practice leaves and joins none).</summary>
    public const string ConsortiumField = "consortium";

    /// <summary>The input name of the date of the move.</summary>
    public const string DateField = "date";

    /// <summary>The input name of the consortium the move is based on (where the practice was when it was read).</summary>
    public const string FromField = "from";

    /// <summary>The earliest date a move can have: the white paper that started consortia forming.</summary>
    public static readonly DateOnly Earliest = new(2010, 7, 12);

    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The practice with its memberships and the consortia it may join, or null when the user may not move it.</summary>
    public async Task<PracticeMembership?> FindAsync(ActingUser? user, string practiceCode, CancellationToken cancellationToken)
    {
        if (user is null || OrganisationCode.TryNormalise(practiceCode) is not { } code)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        var practice = await db.Practices.AsNoTracking().Where(p => p.Code == code)
            .Select(p => new { p.Code, p.Name, p.PctCode, p.ListSize }).FirstOrDefaultAsync(cancellationToken);
        if (practice is null || !await scope.AllowsAsync(user, OrganisationKind.Pct, AccessOperation.Edit, practice.PctCode, cancellationToken))
        {
            return null;
        }

        var history = await (from m in db.ConsortiumMemberships.AsNoTracking()
                             join c in db.Consortia.AsNoTracking() on m.ConsortiumCode equals c.Code
                             where m.PracticeCode == code
                             orderby m.JoinedOn descending, m.Id descending
                             select new MembershipPeriod(c.Code, c.Name, m.JoinedOn, m.LeftOn)).ToListAsync(cancellationToken);
        var managed = user.Access.ManagedPcts.ToList();
        var choices = await db.Consortia.AsNoTracking()
            .Where(c => c.MergedIntoCode == null && c.Pcts.Any(p => managed.Contains(p.PctCode)))
            .OrderBy(c => c.Name).ThenBy(c => c.Code)
            .Select(c => new ConsortiumChoice(c.Code, c.Name)).ToListAsync(cancellationToken);
        return new PracticeMembership(practice.Code, practice.Name, practice.PctCode, practice.ListSize, history.FirstOrDefault(h => h.LeftOn is null), history, choices);
    }

    /// <summary>
    /// Records that the practice joined <paramref name="toConsortium"/> (null or empty: left its consortium and joined
    /// none) on <paramref name="date"/>. <paramref name="fromConsortium"/> is where the practice was when the user read
    /// it (null for none): if it has moved since, nothing changes and the outcome is a conflict naming who moved it.
    /// Every problem with the input is reported at once. Not found when the user may not move the practice.
    /// </summary>
    public async Task<EditOutcome> MoveAsync(
        ActingUser? user, string practiceCode, string? fromConsortium, string? toConsortium, DateOnly? date, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, practiceCode, cancellationToken) is not { } practice)
        {
            return EditOutcome.NotFound();
        }

        var from = string.IsNullOrWhiteSpace(fromConsortium) ? null : OrganisationCode.TryNormalise(fromConsortium);
        if (practice.Current?.ConsortiumCode != from)
        {
            return await MovedMeanwhileAsync(practice, cancellationToken);
        }

        var problems = new List<FieldProblem>();
        var to = string.IsNullOrWhiteSpace(toConsortium) ? null : OrganisationCode.TryNormalise(toConsortium);
        if (to is null && !string.IsNullOrWhiteSpace(toConsortium))
        {
            problems.Add(new FieldProblem(ConsortiumField, $"There is no consortium with the code {toConsortium.Trim()}"));
        }
        else if (to is null && practice.Current is null)
        {
            problems.Add(new FieldProblem(ConsortiumField, "Select the consortium the practice joined"));
        }
        else if (to is not null && to == practice.Current?.ConsortiumCode)
        {
            problems.Add(new FieldProblem(ConsortiumField, $"The practice is already a member of {practice.Current.ConsortiumName}: select the consortium it moved to"));
        }
        else if (to is not null && !practice.Choices.Any(c => c.Code == to))
        {
            problems.Add(new FieldProblem(ConsortiumField, $"You can record a practice joining only a consortium of the PCTs you manage; {to} is not one of them"));
        }

        if (date is not { } on)
        {
            problems.Add(new FieldProblem(DateField, "Enter the date the practice moved"));
        }
        else if (on > Today)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be today or in the past: record a move once it has happened (today is {UkCalendar.Date(Today)})"));
        }
        else if (on < Earliest)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be on or after {UkCalendar.Date(Earliest)}, when consortia began to form"));
        }
        else if (practice.Current is { } current && on < current.JoinedOn)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be on or after {UkCalendar.Date(current.JoinedOn)}, when the practice joined {current.ConsortiumName}"));
        }
        else if (practice.Current is null && practice.History.FirstOrDefault() is { LeftOn: { } left } last && on < left)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be on or after {UkCalendar.Date(left)}, when the practice left {last.ConsortiumName}"));
        }

        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        if (from is not null)
        {
            var membership = await db.ConsortiumMemberships.FirstAsync(m => m.PracticeCode == practice.PracticeCode && m.LeftOn == null, cancellationToken);
            membership.Leave(date!.Value);
        }

        if (to is not null)
        {
            db.ConsortiumMemberships.Add(new ConsortiumMembership(to, practice.PracticeCode, date!.Value));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else's move of the same practice went in first (the index allows one current membership).
            return await MovedMeanwhileAsync(practice, cancellationToken);
        }

        return EditOutcome.Saved();
    }

    private async Task<EditOutcome> MovedMeanwhileAsync(PracticeMembership practice, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        return EditOutcome.Refused(await EditConflict.LatestAmongAsync(
            db.AuditEntries.Where(a => a.EntityType == nameof(ConsortiumMembership) && a.Changes.Contains(practice.PracticeCode)), null, cancellationToken));
    }
}
