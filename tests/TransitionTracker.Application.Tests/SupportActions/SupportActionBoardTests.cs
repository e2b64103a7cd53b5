using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.Tests.SupportActions;

/// <summary>
/// A consortium's support actions: read by whoever may read the consortium, added and changed by whoever may edit it,
/// every change under the revision rule; out of scope is "not found" and changes nothing.
/// </summary>
public sealed class SupportActionBoardTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_pct_manager_adds_an_action_recorded_as_theirs_and_readers_of_the_consortium_list_it()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, "00h", Form("Agree a conflicts of interest policy"), CancellationToken.None));

        Assert.True(outcome.IsSaved);
        Assert.Equal((int?)0, outcome.Revision);
        await using var db = _host.OpenContext();
        var stored = await db.SupportActions.AsNoTracking().SingleAsync(a => a.Id == outcome.SavedId);
        Assert.Equal((Demo.ManagedConsortium, "GOV-02", "Agree a conflicts of interest policy", "PCT development lead", new DateOnly(2031, 3, 31), SupportActionStatus.NotStarted, Demo.PctManager),
            (stored.ConsortiumCode, stored.CriterionId, stored.Description, stored.Owner, stored.DueOn, stored.Status, stored.CreatedBy));
        Assert.Equal(Demo.PctManager, (await LatestAuditAsync(stored.Id)).Actor);

        var listed = await _host.RunAsync<SupportActionBoard, IReadOnlyList<SupportActionItem>>(b => b.ListAsync(manager, Demo.ManagedConsortium, CancellationToken.None));
        var found = await _host.RunAsync<SupportActionBoard, SupportActionItem?>(b => b.FindAsync(manager, Demo.ManagedConsortium, stored.Id, CancellationToken.None));
        Assert.Contains(listed, a => a.Id == stored.Id && a.CriterionText is not null);
        Assert.Equal("Agree a conflicts of interest policy", found?.Description);
    }

    [Fact]
    public async Task Out_of_scope_actions_are_not_listed_found_added_or_changed_and_nothing_is_stored()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var elsewhere = await AddDirectlyAsync(Demo.OtherConsortium, "Action of another PCT's consortium");
        var leads = await AddDirectlyAsync(Demo.LeadsConsortium, "Action of the lead's consortium");
        var before = await SnapshotAsync();

        var listed = await _host.RunAsync<SupportActionBoard, IReadOnlyList<SupportActionItem>>(b => b.ListAsync(manager, Demo.OtherConsortium, CancellationToken.None));
        var anonymous = await _host.RunAsync<SupportActionBoard, IReadOnlyList<SupportActionItem>>(b => b.ListAsync(null, Demo.ManagedConsortium, CancellationToken.None));
        var found = await _host.RunAsync<SupportActionBoard, SupportActionItem?>(b => b.FindAsync(manager, Demo.OtherConsortium, elsewhere, CancellationToken.None));
        var otherCode = await _host.RunAsync<SupportActionBoard, SupportActionItem?>(b => b.FindAsync(manager, Demo.ManagedConsortium, elsewhere, CancellationToken.None));
        var added = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.OtherConsortium, Form("Sneaked in"), CancellationToken.None));
        var addedByLead = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(lead, Demo.LeadsConsortium, Form("Sneaked in by the lead"), CancellationToken.None));
        var addedByNobody = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(null, Demo.ManagedConsortium, Form("Sneaked in by nobody"), CancellationToken.None));
        var changed = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.OtherConsortium, elsewhere, Form("Changed", revision: "0"), CancellationToken.None));
        var changedByLead = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(lead, Demo.LeadsConsortium, leads, Form("Changed by the lead", revision: "0"), CancellationToken.None));
        var changedThroughOwnCode = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, elsewhere, Form("Changed", revision: "0"), CancellationToken.None));

        Assert.Empty(listed);
        Assert.Empty(anonymous);
        Assert.Null(found);
        Assert.Null(otherCode);
        Assert.All([added, addedByLead, addedByNobody, changed, changedByLead, changedThroughOwnCode], o => Assert.Equal(EditStatus.NotFound, o.Status));
        Assert.Equal(before, await SnapshotAsync());

        // The lead reads their own consortium's actions all the same.
        var leadReads = await _host.RunAsync<SupportActionBoard, IReadOnlyList<SupportActionItem>>(b => b.ListAsync(lead, Demo.LeadsConsortium, CancellationToken.None));
        Assert.Contains(leadReads, a => a.Id == leads);
    }

    [Fact]
    public async Task A_change_based_on_the_stored_revision_is_saved_and_an_unchanged_form_writes_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = await AddAsync(manager, "Draft the commissioning intentions");

        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Publish the commissioning intentions", revision: "0", status: nameof(SupportActionStatus.InProgress), owner: "Consortium board"), CancellationToken.None));
        var audited = await AuditCountAsync(id);
        var again = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Publish the commissioning intentions", revision: "1", status: nameof(SupportActionStatus.InProgress), owner: "Consortium board"), CancellationToken.None));

        Assert.Equal((EditStatus.Saved, (int?)id, (int?)1), (outcome.Status, outcome.SavedId, outcome.Revision));
        Assert.Equal((EditStatus.Saved, (int?)1), (again.Status, again.Revision));
        var stored = await StoredAsync(id);
        Assert.Equal(("Publish the commissioning intentions", "Consortium board", SupportActionStatus.InProgress, 1), (stored.Description, stored.Owner, stored.Status, stored.Revision));
        Assert.Equal(audited, await AuditCountAsync(id));
        Assert.Equal(Demo.PctManager, (await LatestAuditAsync(id)).Actor);
    }

    [Fact]
    public async Task A_change_based_on_an_older_revision_is_refused_with_who_changed_what_and_nothing_is_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = await AddAsync(manager, "Set up shared back-office services");
        var first = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Agree shared back-office services", revision: "0", status: nameof(SupportActionStatus.InProgress)), CancellationToken.None));
        Assert.True(first.IsSaved);

        var stale = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Buy back-office services", revision: "0", status: nameof(SupportActionStatus.NotStarted)), CancellationToken.None));
        var unreadable = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Buy back-office services", revision: null, status: nameof(SupportActionStatus.NotStarted)), CancellationToken.None));

        Assert.Equal(EditStatus.Conflict, stale.Status);
        var conflict = stale.Conflict!;
        Assert.Equal(((int?)1, (string?)Demo.PctManager), (conflict.CurrentRevision, conflict.ChangedBy));
        Assert.NotNull(conflict.ChangedAtUtc);
        Assert.Contains(new FieldChange(nameof(SupportAction.Description), "Set up shared back-office services", "Agree shared back-office services"), conflict.Changes);
        Assert.Contains(conflict.Changes, c => c.Field == nameof(SupportAction.Status) && c.New == nameof(SupportActionStatus.InProgress));

        // A form without a readable revision is refused the same way, as the pages always have.
        Assert.Equal((EditStatus.Conflict, (int?)1), (unreadable.Status, unreadable.Conflict?.CurrentRevision));

        var stored = await StoredAsync(id);
        Assert.Equal(("Agree shared back-office services", SupportActionStatus.InProgress, 1), (stored.Description, stored.Status, stored.Revision));
    }

    [Fact]
    public async Task A_form_with_problems_is_refused_with_every_problem_by_input_name_and_nothing_is_changed()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var id = await AddAsync(manager, "Hold a practice engagement event");
        var before = await SnapshotAsync();

        var added = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium,
            new SupportActionForm { Criterion = "XYZ-99", Description = "  ", Owner = new string('x', SupportAction.OwnerMaxLength + 1), DueDay = "1" }, CancellationToken.None));
        var changed = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.UpdateAsync(manager, Demo.ManagedConsortium, id,
            Form("Hold a practice engagement event", revision: "0", status: "Finished", day: "31", month: "2", year: "2031"), CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, added.Status);
        Assert.Equal(
            [
                new FieldProblem(SupportActionFields.Criterion, "Select a criterion from the list"),
                new FieldProblem(SupportActionFields.Description, "Enter a description of the action"),
                new FieldProblem(SupportActionFields.Owner, "Owner must be 100 characters or fewer"),
            ],
            added.Problems.Take(3));
        var date = added.Problems[3];
        Assert.Equal((SupportActionFields.DueDate, "Due date must include a month and year"), (date.Field, date.Message));
        Assert.Equal([DatePart.Month, DatePart.Year], date.Parts!);

        Assert.Equal(EditStatus.Invalid, changed.Status);
        Assert.Equal([SupportActionFields.DueDate, SupportActionFields.Status], changed.Problems.Select(p => p.Field));
        Assert.Equal("Due date must be a real date", changed.Problems[0].Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    private static SupportActionForm Form(
        string description, string? revision = null, string? status = null, string owner = "PCT development lead",
        string day = "31", string month = "3", string year = "2031") => new()
    {
        Criterion = "GOV-02",
        Description = description,
        Owner = owner,
        DueDay = day,
        DueMonth = month,
        DueYear = year,
        Status = status,
        Revision = revision,
    };

    private async Task<int> AddAsync(ActingUser user, string description)
    {
        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(user, Demo.ManagedConsortium, Form(description), CancellationToken.None));
        Assert.True(outcome.IsSaved);
        return outcome.SavedId!.Value;
    }

    private async Task<int> AddDirectlyAsync(string consortiumCode, string description)
    {
        await using var db = _host.OpenContext();
        var action = new SupportAction(consortiumCode, "GOV-02", description, "Owner", new DateOnly(2031, 4, 1), "test", DateTime.UtcNow);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task<SupportAction> StoredAsync(int id)
    {
        await using var db = _host.OpenContext();
        return await db.SupportActions.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private async Task<AuditEntry> LatestAuditAsync(int id)
    {
        await using var db = _host.OpenContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(SupportAction) && a.EntityKey == key).OrderByDescending(a => a.Id).FirstAsync();
    }

    private async Task<int> AuditCountAsync(int id)
    {
        await using var db = _host.OpenContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.CountAsync(a => a.EntityType == nameof(SupportAction) && a.EntityKey == key);
    }

    // Every action as stored, with the audit trail's length: what "nothing changed" compares.
    private async Task<(string Actions, int Audit)> SnapshotAsync()
    {
        await using var db = _host.OpenContext();
        var actions = await db.SupportActions.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.ConsortiumCode, a.CriterionId, a.Description, a.Owner, a.DueOn, a.Status, a.Revision })
            .ToListAsync();
        return (string.Join('\n', actions), await db.AuditEntries.CountAsync());
    }
}
