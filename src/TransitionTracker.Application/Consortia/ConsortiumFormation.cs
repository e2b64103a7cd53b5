using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Consortia;

/// <summary>A stage a consortium moved to, from the stage before, on a date.</summary>
public sealed record StageChangeItem(ConsortiumStage From, ConsortiumStage To, DateOnly On);

/// <summary>A practice joining (or leaving) the consortium on a date.</summary>
public sealed record MembershipChangeItem(string PracticeCode, string PracticeName, DateOnly On, bool Joined);

/// <summary>A consortium that merged into this one, or split from it, on a date.</summary>
public sealed record MergedConsortium(string Code, string Name, DateOnly On);

/// <summary>A current member practice, as the split form offers it.</summary>
public sealed record MemberChoice(string Code, string Name, int ListSize);

/// <summary>
/// How a consortium formed: its stage changes, the practices that joined and left (newest first), what merged into
/// it, and, once merged, what it merged into. <see cref="CanRecord"/>: the user may record stage changes and merges
/// (a regional lead of its region, while it stands on its own), with <see cref="MergeTargets"/> the consortia it may
/// merge into.
/// </summary>
public sealed record ConsortiumFormationView(
    string Code,
    string Name,
    ConsortiumStage Stage,
    string? MergedIntoCode,
    string? MergedIntoName,
    DateOnly? MergedOn,
    IReadOnlyList<StageChangeItem> StageChanges,
    IReadOnlyList<MergedConsortium> MergedIn,
    IReadOnlyList<MembershipChangeItem> MembershipChanges,
    bool CanRecord,
    IReadOnlyList<ConsortiumChoice> MergeTargets,
    MergedConsortium? SplitFrom,
    IReadOnlyList<MergedConsortium> SplitOffs,
    IReadOnlyList<MemberChoice> Members);

/// <summary>
/// Consortia as they formed (docs/architecture.md, "Consortia as they formed"): a regional lead records a consortium
/// moving stage, or merging into another consortium of their region, each with the date it happened. Each is checked
/// against what the lead read (the stage, or that it had not merged): if it changed meanwhile, nothing changes and the
/// outcome is a conflict. Audited and kept as history; the merged consortium's members join the other that day.
/// </summary>
public sealed class ConsortiumFormation(DbContexts contexts, OrganisationScope scope, TimeProvider clock)
{
    public const string StageField = "stage";
    public const string DateField = "date";
    public const string IntoField = "into";
    public const string CodeField = "code";
    public const string NameField = "name";
    public const string PracticesField = "practices";

    /// <summary>The longest consortium name (as stored).</summary>
    public const int NameMaxLength = 200;

    /// <summary>The most joins and leaves listed, newest first.</summary>
    public const int MembershipChangesShown = 50;

    public DateOnly Today => UkCalendar.Today(clock);

    /// <summary>The consortium's formation, or null when the user may not read it.</summary>
    public async Task<ConsortiumFormationView?> FindAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken)
    {
        if (!await scope.CanReadConsortiumAsync(user, consortiumCode, cancellationToken))
        {
            return null;
        }

        var code = OrganisationCode.Normalise(consortiumCode);
        await using var db = contexts.OpenForReading();
        var consortium = await db.Consortia.AsNoTracking().Where(c => c.Code == code)
            .Select(c => new
            {
                c.Code, c.Name, c.Stage, c.RegionCode, c.MergedIntoCode, c.MergedOn, c.SplitFromCode, c.SplitOn,
                MergedIntoName = db.Consortia.Where(t => t.Code == c.MergedIntoCode).Select(t => t.Name).FirstOrDefault(),
                SplitFromName = db.Consortia.Where(t => t.Code == c.SplitFromCode).Select(t => t.Name).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        var stages = await db.ConsortiumStageChanges.AsNoTracking().Where(s => s.ConsortiumCode == code)
            .OrderByDescending(s => s.ChangedOn).ThenByDescending(s => s.Id)
            .Select(s => new StageChangeItem(s.FromStage, s.ToStage, s.ChangedOn)).ToListAsync(cancellationToken);
        var mergedIn = await db.Consortia.AsNoTracking().Where(c => c.MergedIntoCode == code)
            .OrderByDescending(c => c.MergedOn).Select(c => new MergedConsortium(c.Code, c.Name, c.MergedOn!.Value)).ToListAsync(cancellationToken);
        var splitOffs = await db.Consortia.AsNoTracking().Where(c => c.SplitFromCode == code)
            .OrderByDescending(c => c.SplitOn).Select(c => new MergedConsortium(c.Code, c.Name, c.SplitOn!.Value)).ToListAsync(cancellationToken);
        var memberships = await (from m in db.ConsortiumMemberships.AsNoTracking()
                                 join p in db.Practices.AsNoTracking() on m.PracticeCode equals p.Code
                                 where m.ConsortiumCode == code
                                 select new { m.PracticeCode, p.Name, m.JoinedOn, m.LeftOn }).ToListAsync(cancellationToken);
        var changes = memberships.Select(m => new MembershipChangeItem(m.PracticeCode, m.Name, m.JoinedOn, true))
            .Concat(memberships.Where(m => m.LeftOn is not null).Select(m => new MembershipChangeItem(m.PracticeCode, m.Name, m.LeftOn!.Value, false)))
            .OrderByDescending(c => c.On).ThenBy(c => c.Joined).ThenBy(c => c.PracticeName, StringComparer.Ordinal)
            .Take(MembershipChangesShown).ToList();

        var canRecord = consortium.MergedIntoCode is null
            && await scope.AllowsAsync(user, OrganisationKind.Consortium, AccessOperation.Review, code, cancellationToken);
        var targets = canRecord
            ? await db.Consortia.AsNoTracking()
                .Where(c => c.RegionCode == consortium.RegionCode && c.Code != code && c.MergedIntoCode == null)
                .OrderBy(c => c.Name).ThenBy(c => c.Code)
                .Select(c => new ConsortiumChoice(c.Code, c.Name)).ToListAsync(cancellationToken)
            : [];
        var members = canRecord
            ? await (from m in db.ConsortiumMemberships.AsNoTracking()
                     join p in db.Practices.AsNoTracking() on m.PracticeCode equals p.Code
                     where m.ConsortiumCode == code && m.LeftOn == null
                     orderby p.Name, p.Code
                     select new MemberChoice(p.Code, p.Name, p.ListSize)).ToListAsync(cancellationToken)
            : [];
        return new ConsortiumFormationView(
            consortium.Code, consortium.Name, consortium.Stage, consortium.MergedIntoCode, consortium.MergedIntoName, consortium.MergedOn,
            stages, mergedIn, changes, canRecord, targets,
            consortium.SplitFromCode is { } from ? new MergedConsortium(from, consortium.SplitFromName ?? from, consortium.SplitOn!.Value) : null,
            splitOffs, members);
    }

    /// <summary>
    /// Records the consortium moving to <paramref name="stage"/> (its wire name) on <paramref name="date"/>, based on
    /// the stage the lead read (<paramref name="fromStage"/>). Not found unless the user reviews the consortium.
    /// </summary>
    public async Task<EditOutcome> ChangeStageAsync(
        ActingUser? user, string consortiumCode, string? fromStage, string? stage, DateOnly? date, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, consortiumCode, cancellationToken) is not { CanRecord: true } view)
        {
            return await MergedOrNotFoundAsync(user, consortiumCode, cancellationToken);
        }

        if (!ConsortiumStageNames.TryParseWire(fromStage, out var readStage) || readStage != view.Stage)
        {
            return await ChangedMeanwhileAsync(view.Code, cancellationToken);
        }

        var problems = new List<FieldProblem>();
        if (!ConsortiumStageNames.TryParseWire(stage, out var chosen))
        {
            problems.Add(new FieldProblem(StageField, "Select the stage the consortium moved to"));
        }
        else if (chosen == view.Stage)
        {
            problems.Add(new FieldProblem(StageField, $"The consortium is already at the {view.Stage.ToDisplay()} stage: select the stage it moved to"));
        }

        var after = view.StageChanges.FirstOrDefault()?.On;
        CheckDate(problems, date, after, after is { } last ? $"on or after {UkCalendar.Date(last)}, when it last moved stage" : null);
        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        await using var db = contexts.Open(user);
        var consortium = await db.Consortia.Include(c => c.StageChanges).SingleAsync(c => c.Code == view.Code, cancellationToken);
        if (consortium.Stage != view.Stage || consortium.IsMerged)
        {
            return await ChangedMeanwhileAsync(view.Code, cancellationToken);
        }

        consortium.ChangeStage(chosen, date!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return EditOutcome.Saved();
    }

    /// <summary>
    /// Records the consortium merging into <paramref name="into"/> on <paramref name="date"/>: its members join that
    /// consortium the same day. Not found unless the user reviews both; a consortium merged meanwhile is a conflict.
    /// </summary>
    public async Task<EditOutcome> MergeAsync(ActingUser? user, string consortiumCode, string? into, DateOnly? date, CancellationToken cancellationToken)
    {
        if (await FindAsync(user, consortiumCode, cancellationToken) is not { CanRecord: true } view)
        {
            return await MergedOrNotFoundAsync(user, consortiumCode, cancellationToken);
        }

        var problems = new List<FieldProblem>();
        var target = string.IsNullOrWhiteSpace(into) ? null : OrganisationCode.TryNormalise(into);
        if (string.IsNullOrWhiteSpace(into))
        {
            problems.Add(new FieldProblem(IntoField, "Select the consortium it merged into"));
        }
        else if (target is null || view.MergeTargets.All(t => t.Code != target))
        {
            problems.Add(new FieldProblem(IntoField, target == view.Code
                ? "A consortium cannot merge into itself: select the one it merged into"
                : $"Select a consortium of your region that has not merged itself; {into.Trim()} is not one of them"));
        }

        // The members move that day, so it cannot be before any of them joined.
        await using var db = contexts.Open(user);
        var lastJoined = await db.ConsortiumMemberships.Where(m => m.ConsortiumCode == view.Code && m.LeftOn == null)
            .MaxAsync(m => (DateOnly?)m.JoinedOn, cancellationToken);
        CheckDate(problems, date, lastJoined, lastJoined is { } joined ? $"on or after {UkCalendar.Date(joined)}, when its newest member joined" : null);
        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        var consortia = await db.Consortia.Include(c => c.Memberships).Include(c => c.Pcts)
            .Where(c => c.Code == view.Code || c.Code == target).ToListAsync(cancellationToken);
        var source = consortia.Single(c => c.Code == view.Code);
        var destination = consortia.Single(c => c.Code == target);
        if (source.IsMerged || destination.IsMerged)
        {
            return await ChangedMeanwhileAsync(source.IsMerged ? source.Code : destination.Code, cancellationToken);
        }

        source.MergeInto(destination, date!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A practice moved meanwhile (the index allows one current membership per practice).
            return await ChangedMeanwhileAsync(view.Code, cancellationToken);
        }

        return EditOutcome.Saved();
    }

    /// <summary>
    /// Records a new consortium (<paramref name="newCode"/>, <paramref name="newName"/>) splitting off with some of the
    /// consortium's practices on <paramref name="date"/>: they join it that day; it is linked to the same PCTs and starts
    /// at the shadow stage. Not found unless the user reviews the consortium.
    /// </summary>
    public async Task<EditOutcome> SplitAsync(
        ActingUser? user, string consortiumCode, string? newCode, string? newName, IReadOnlyCollection<string>? practices, DateOnly? date,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(user, consortiumCode, cancellationToken) is not { CanRecord: true } view)
        {
            return await MergedOrNotFoundAsync(user, consortiumCode, cancellationToken);
        }

        var problems = new List<FieldProblem>();
        await using var db = contexts.Open(user);
        var code = OrganisationCode.TryNormalise(newCode);
        if (string.IsNullOrWhiteSpace(newCode))
        {
            problems.Add(new FieldProblem(CodeField, "Enter the new consortium's code"));
        }
        else if (code is null)
        {
            problems.Add(new FieldProblem(CodeField, $"Enter a code of letters and digits, at most {OrganisationCode.MaxLength} characters, for example 00X"));
        }
        else if (await db.Consortia.AnyAsync(c => c.Code == code, cancellationToken))
        {
            problems.Add(new FieldProblem(CodeField, $"There is already a consortium with the code {code}: enter the new consortium's own code"));
        }

        if (string.IsNullOrWhiteSpace(newName))
        {
            problems.Add(new FieldProblem(NameField, "Enter the new consortium's name"));
        }
        else if (newName.Trim().Length > NameMaxLength)
        {
            problems.Add(new FieldProblem(NameField, $"The name must be {NameMaxLength} characters or fewer (it has {newName.Trim().Length})"));
        }
        else if (Domain.Text.PlainText.HasForbiddenCharacter(newName))
        {
            problems.Add(new FieldProblem(NameField, Domain.Text.PlainText.ForbiddenMessage("The name")));
        }

        var chosen = (practices ?? []).Select(OrganisationCode.TryNormalise).ToList();
        var current = view.Members.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        if (chosen.Count == 0)
        {
            problems.Add(new FieldProblem(PracticesField, "Select the practices that formed the new consortium"));
        }
        else if (chosen.Any(c => c is null || !current.Contains(c)))
        {
            problems.Add(new FieldProblem(PracticesField, "Select only practices that are members of this consortium now"));
        }
        else if (chosen.Distinct().Count() == current.Count)
        {
            problems.Add(new FieldProblem(PracticesField, "Leave at least one practice in this consortium: if every practice moved, record a merge instead"));
        }

        var leaving = chosen.OfType<string>().Distinct().ToList();
        var lastJoined = await db.ConsortiumMemberships
            .Where(m => m.ConsortiumCode == view.Code && m.LeftOn == null && leaving.Contains(m.PracticeCode))
            .MaxAsync(m => (DateOnly?)m.JoinedOn, cancellationToken);
        CheckDate(problems, date, lastJoined, lastJoined is { } joined ? $"on or after {UkCalendar.Date(joined)}, when the newest of those practices joined" : null);
        if (problems.Count > 0)
        {
            return EditOutcome.Invalid(problems);
        }

        var source = await db.Consortia.Include(c => c.Memberships).Include(c => c.Pcts).SingleAsync(c => c.Code == view.Code, cancellationToken);
        if (source.IsMerged || leaving.Any(p => source.Memberships.All(m => m.PracticeCode != p || !m.IsCurrent)))
        {
            return await ChangedMeanwhileAsync(view.Code, cancellationToken);
        }

        var formed = new Consortium(code!, newName!.Trim(), source.RegionCode, ConsortiumStage.Shadow);
        db.Consortia.Add(formed);
        source.SplitOff(formed, leaving, date!.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The code was taken, or a practice moved, meanwhile.
            return await ChangedMeanwhileAsync(view.Code, cancellationToken);
        }

        return EditOutcome.Saved();
    }

    private void CheckDate(List<FieldProblem> problems, DateOnly? date, DateOnly? notBefore, string? notBeforeWords)
    {
        if (date is not { } on)
        {
            problems.Add(new FieldProblem(DateField, "Enter the date it happened"));
        }
        else if (on > Today)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be today or in the past: record it once it has happened (today is {UkCalendar.Date(Today)})"));
        }
        else if (on < PracticeMoves.Earliest)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be on or after {UkCalendar.Date(PracticeMoves.Earliest)}, when consortia began to form"));
        }
        else if (notBefore is { } first && on < first)
        {
            problems.Add(new FieldProblem(DateField, $"The date must be {notBeforeWords}"));
        }
    }

    // A consortium the user reviews but that has merged is a conflict (it changed since they read it); anything else is not found.
    private async Task<EditOutcome> MergedOrNotFoundAsync(ActingUser? user, string consortiumCode, CancellationToken cancellationToken) =>
        await scope.AllowsAsync(user, OrganisationKind.Consortium, AccessOperation.Review, consortiumCode, cancellationToken)
            ? await ChangedMeanwhileAsync(OrganisationCode.Normalise(consortiumCode), cancellationToken)
            : EditOutcome.NotFound();

    private async Task<EditOutcome> ChangedMeanwhileAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        return EditOutcome.Refused(await EditConflict.LatestAmongAsync(
            db.AuditEntries.Where(a => a.ConsortiumCode == code && (a.EntityType == nameof(Consortium) || a.EntityType == nameof(ConsortiumStageChange) || a.EntityType == nameof(ConsortiumMembership))),
            null,
            cancellationToken));
    }
}
