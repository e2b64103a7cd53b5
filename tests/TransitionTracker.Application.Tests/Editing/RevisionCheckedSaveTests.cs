using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.Telemetry;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.Tests.Editing;

/// <summary>
/// The one revision rule (docs/architecture.md, "Editing: one outcome, one revision rule") on its own, with a support
/// action as the record: a change based on the revision stored is saved and gives the record the next revision; one
/// based on an older revision, or one that loses the race to another save, is refused with who changed what meanwhile,
/// and nothing is stored.
/// </summary>
public sealed class RevisionCheckedSaveTests : IAsyncLifetime
{
    private const string Editor = "editor@example.nhs.uk";
    private const string SomeoneElse = "someone.else@example.nhs.uk";

    private static readonly RevisionCheckedSave Save =
        new(new TransitionTrackerMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_change_based_on_the_current_revision_is_saved_and_bumps_the_revision()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");

        var outcome = await SaveAsync(Editor, id, basedOn: 0, action => Describe(action, "Agree and publish a conflicts of interest policy"));

        Assert.Equal(EditStatus.Saved, outcome.Status);
        Assert.Equal(((int?)id, (int?)1), (outcome.SavedId, outcome.Revision));
        var stored = await StoredAsync(id);
        Assert.Equal(("Agree and publish a conflicts of interest policy", 1), (stored.Description, stored.Revision));
        var audit = await LatestAuditAsync(id);
        Assert.Equal((Editor, "Modified"), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task A_change_based_on_a_stale_revision_is_a_conflict_naming_who_changed_what_and_changes_nothing()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");
        await SaveAsync(SomeoneElse, id, basedOn: 0, action => Describe(action, "Appoint an accountable officer"));
        var auditsBefore = await AuditCountAsync(id);
        var applied = false;

        var outcome = await SaveAsync(Editor, id, basedOn: 0, action =>
        {
            applied = true;
            return Describe(action, "Written on a page opened before the other change");
        });

        Assert.Equal(EditStatus.Conflict, outcome.Status);
        Assert.False(applied, "the change was applied to a record that had moved on");
        Assert.Equal((int?)1, outcome.Revision);
        var conflict = outcome.Conflict!;
        Assert.Equal(((int?)1, SomeoneElse), (conflict.CurrentRevision, conflict.ChangedBy));
        Assert.NotNull(conflict.ChangedAtUtc);
        Assert.Contains(new FieldChange("Description", "Agree a conflicts of interest policy", "Appoint an accountable officer"), conflict.Changes);
        var stored = await StoredAsync(id);
        Assert.Equal(("Appoint an accountable officer", 1), (stored.Description, stored.Revision));
        Assert.Equal(auditsBefore, await AuditCountAsync(id));
    }

    [Fact]
    public async Task A_change_that_loses_the_race_to_another_save_is_a_conflict_and_changes_nothing()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");

        // This editor reads revision 0; the other's save lands after that read, so the check passes and the write loses.
        var outcome = await _host.RunAsync<DbContexts, EditOutcome>(async contexts =>
        {
            await using var mine = contexts.Open(new AuditActor { Name = Editor });
            var read = await mine.SupportActions.SingleAsync(a => a.Id == id);
            await using (var theirs = contexts.Open(new AuditActor { Name = SomeoneElse }))
            {
                Describe(await theirs.SupportActions.SingleAsync(a => a.Id == id), "Appoint an accountable officer");
                await theirs.SaveChangesAsync();
            }

            return await Save.SaveAsync(
                mine, read, basedOn: 0, action => Describe(action, "Written while the other save landed"), (action, ct) => ConflictAsync(mine, action, ct), action => action.Id, CancellationToken.None);
        });

        Assert.Equal(EditStatus.Conflict, outcome.Status);
        Assert.Equal(((int?)1, SomeoneElse), (outcome.Conflict!.CurrentRevision, outcome.Conflict.ChangedBy));
        var stored = await StoredAsync(id);
        Assert.Equal(("Appoint an accountable officer", 1), (stored.Description, stored.Revision));
    }

    [Fact]
    public async Task A_change_with_problems_is_invalid_with_every_problem_and_stores_nothing()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");
        FieldProblem[] problems = [new("Description", "Enter a description"), new("Owner", "Enter who owns the action")];

        var outcome = await SaveAsync(Editor, id, basedOn: 0, _ => problems);

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Equal(problems, outcome.Problems);
        Assert.Equal(0, (await StoredAsync(id)).Revision);
    }

    [Fact]
    public async Task A_change_that_changes_nothing_is_saved_without_a_write()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");
        var auditsBefore = await AuditCountAsync(id);

        var outcome = await SaveAsync(Editor, id, basedOn: 0, _ => []);

        Assert.Equal(EditStatus.Saved, outcome.Status);
        Assert.Equal((int?)0, outcome.Revision);
        Assert.Equal(0, (await StoredAsync(id)).Revision);
        Assert.Equal(auditsBefore, await AuditCountAsync(id));
    }

    [Fact]
    public async Task A_change_that_does_not_say_its_revision_is_refused_and_a_missing_record_is_not_found()
    {
        var id = await AddAsync("Agree a conflicts of interest policy");

        var unsaid = await SaveAsync(Editor, id, basedOn: null, action => Describe(action, "Changed without a revision"));
        var missing = await SaveAsync(Editor, id + 1000, basedOn: 0, action => Describe(action, "Changed a record that is not there"));

        Assert.True(unsaid.RevisionMissing);
        Assert.Equal(EditOutcome.RevisionField, Assert.Single(unsaid.Problems).Field);
        Assert.Equal(EditStatus.NotFound, missing.Status);
        var stored = await StoredAsync(id);
        Assert.Equal(("Agree a conflicts of interest policy", 0), (stored.Description, stored.Revision));
    }

    private static IReadOnlyList<FieldProblem> Describe(SupportAction action, string description)
    {
        action.Update(action.CriterionId, description, action.Owner, action.DueOn, action.Status);
        return [];
    }

    /// <summary>One edit as a use case makes it: its own context, the record as stored now, the revision the editor's page was opened at.</summary>
    private Task<EditOutcome> SaveAsync(string editor, int id, int? basedOn, Func<SupportAction, IReadOnlyList<FieldProblem>> change) =>
        _host.RunAsync<DbContexts, EditOutcome>(async contexts =>
        {
            await using var db = contexts.Open(new AuditActor { Name = editor });
            var stored = await db.SupportActions.SingleOrDefaultAsync(a => a.Id == id);
            return await Save.SaveAsync(db, stored, basedOn, change, (action, ct) => ConflictAsync(db, action, ct), action => action.Id, CancellationToken.None);
        });

    // As the use cases do: the revision stored now, read afresh, and the record's latest recorded change.
    private static async Task<EditConflict> ConflictAsync(TransitionTrackerDbContext db, SupportAction stored, CancellationToken cancellationToken)
    {
        var current = await db.SupportActions.AsNoTracking().Where(a => a.Id == stored.Id).Select(a => (int?)a.Revision).SingleOrDefaultAsync(cancellationToken);
        return await EditConflict.LatestAsync(db, nameof(SupportAction), stored.ConsortiumCode, Key(stored.Id), current, cancellationToken);
    }

    private Task<int> AddAsync(string description) =>
        _host.RunAsync<DbContexts, int>(async contexts =>
        {
            await using var db = contexts.Open(new AuditActor { Name = "test" });
            var action = new SupportAction(Demo.ManagedConsortium, "GOV-02", description, "PCT development lead", new DateOnly(2031, 3, 31), "test", DateTime.UtcNow);
            db.SupportActions.Add(action);
            await db.SaveChangesAsync();
            return action.Id;
        });

    private async Task<SupportAction> StoredAsync(int id)
    {
        await using var db = _host.OpenContext();
        return await db.SupportActions.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<AuditEntry> LatestAuditAsync(int id)
    {
        await using var db = _host.OpenContext();
        var key = Key(id);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SupportAction) && a.EntityKey == key).OrderByDescending(a => a.Id).FirstAsync();
    }

    private async Task<int> AuditCountAsync(int id)
    {
        await using var db = _host.OpenContext();
        var key = Key(id);
        return await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SupportAction) && a.EntityKey == key);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
