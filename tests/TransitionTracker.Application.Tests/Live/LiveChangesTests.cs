using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Live;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Data.Changes;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.Tests.Live;

/// <summary>
/// Each committed save is announced once to open pages, saying what it changed; a save that fails or is rolled back is
/// not announced, and one inside a transaction is announced when the transaction commits.
/// </summary>
public sealed class LiveChangesTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();
    private readonly ConcurrentQueue<DataChange> _heard = new();
    private IDisposable? _watching;

    public async Task InitializeAsync() =>
        _watching = await _host.RunAsync<LiveChanges, IDisposable>(live => Task.FromResult(live.Watch(_heard.Enqueue)));

    public async Task DisposeAsync()
    {
        _watching?.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_saved_change_is_announced_once_with_its_kind_and_consortium()
    {
        var manager = await _host.UserAsync(Demo.PctManager);

        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium, Form(), CancellationToken.None));

        Assert.True(outcome.IsSaved);
        var change = Assert.Single(_heard);
        Assert.Contains(nameof(SupportAction), change.Kinds);
        Assert.DoesNotContain("AuditEntry", change.Kinds);
        Assert.Equal([Demo.ManagedConsortium], change.Consortia);
        Assert.True(change.Touches(Demo.ManagedConsortium));
        Assert.False(change.Touches(Demo.OtherConsortium));
    }

    [Fact]
    public async Task A_drafts_own_edits_are_announced_as_drafts_only_and_its_submission_is_not()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        const string framework = AssessmentWorkflow.DefaultFramework;
        var answer = new AnswerInput(ShippedFrameworks.DefaultFramework.Criteria[0].Id, "met", null);

        var draft = (await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.StartDraftAsync(manager, Demo.ManagedConsortium, framework, CancellationToken.None))).Value!;
        var saved = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SaveAnswersAsync(manager, Demo.ManagedConsortium, framework, draft.Revision, [answer], CancellationToken.None));
        Assert.True(saved.IsSaved);
        var draftChanges = _heard.ToList();
        _heard.Clear();
        var submitted = await _host.RunAsync<AssessmentWorkflow, EditOutcome<Assessment>>(w => w.SubmitAsync(manager, Demo.ManagedConsortium, framework, saved.Revision, CancellationToken.None));
        Assert.True(submitted.IsSaved);

        Assert.NotEmpty(draftChanges);
        Assert.All(draftChanges, change => Assert.True(change.DraftsOnly, string.Join(", ", change.Kinds)));
        Assert.All(draftChanges, change => Assert.True(change.Touches(Demo.ManagedConsortium)));
        Assert.Contains(_heard, change => !change.DraftsOnly && change.Includes(nameof(Assessment)));
    }

    [Fact]
    public async Task Notifications_are_announced_with_their_recipients_so_that_only_their_bells_count_again()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var manager = await _host.UserAsync(Demo.PctManager);
        // Through the app's own contexts, as the reminder run makes them.
        await _host.RunAsync<IDbContextFactory<TransitionTrackerDbContext>, int>(async contexts =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.Notifications.AddRange(Notification(lead.Id), Notification(manager.Id));
            return await db.SaveChangesAsync();
        });

        var made = Assert.Single(_heard);
        Assert.Equal(new[] { lead.Id, manager.Id }.Order(StringComparer.Ordinal), made.Recipients!.Order(StringComparer.Ordinal));
        Assert.False(made.Addresses("someone-else"));
        _heard.Clear();

        Assert.Equal(1, await _host.RunAsync<NotificationCentre, int>(c => c.MarkAllReadAsync(lead, CancellationToken.None)));

        var read = Assert.Single(_heard);
        Assert.Equal([lead.Id], read.Recipients!);
        Assert.False(read.Addresses(manager.Id));

        static Notification Notification(string recipient) => new()
        {
            RecipientId = recipient,
            Kind = NotificationKind.ActionDueSoon,
            AboutConsortium = Demo.LeadsConsortium,
            Text = "An action is due",
            Link = $"/consortia/{Demo.LeadsConsortium}/actions",
            DedupeKey = $"test:{recipient}",
            CreatedAtUtc = new DateTime(2031, 1, 1, 9, 0, 0, DateTimeKind.Utc),
        };
    }

    [Fact]
    public async Task Input_refused_by_the_rules_saves_nothing_and_announces_nothing()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var form = Form();
        form.DueMonth = "13";

        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium, form, CancellationToken.None));

        Assert.Equal(EditStatus.Invalid, outcome.Status);
        Assert.Empty(_heard);
    }

    [Fact]
    public async Task Saves_in_a_transaction_are_announced_as_one_when_it_commits_and_not_at_all_when_it_rolls_back()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        await _host.RunAsync<DbContexts, bool>(async contexts =>
        {
            await using var db = contexts.Open(manager);
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.SupportActions.Add(Action(Demo.ManagedConsortium, "Rolled back"));
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            Assert.Empty(_heard);

            await using var committed = await db.Database.BeginTransactionAsync();
            db.SupportActions.Add(Action(Demo.ManagedConsortium, "First"));
            await db.SaveChangesAsync();
            db.SupportActions.Add(Action(Demo.LeadsConsortium, "Second"));
            await db.SaveChangesAsync();
            Assert.Empty(_heard);
            await committed.CommitAsync();
            return true;
        });

        var change = Assert.Single(_heard);
        Assert.Equal(new HashSet<string> { Demo.ManagedConsortium, Demo.LeadsConsortium }, change.Consortia.ToHashSet());
        await using var check = _host.OpenContext();
        Assert.False(await check.SupportActions.AnyAsync(a => a.Description == "Rolled back"));
    }

    [Fact]
    public async Task A_save_that_changes_nothing_a_user_sees_is_not_announced()
    {
        await _host.RunAsync<DbContexts, bool>(async contexts =>
        {
            await using var db = contexts.Open((TransitionTracker.Application.Access.ActingUser?)null);
            var version = await db.DataVersions.SingleAsync(v => v.Id == Data.Versioning.DataVersion.RowId);
            version.Stamp = Data.Versioning.DataVersion.NewStamp();
            await db.SaveChangesAsync();
            return true;
        });

        Assert.Empty(_heard);
    }

    [Fact]
    public async Task A_page_that_stops_watching_hears_nothing_more_and_one_failing_watcher_does_not_stop_the_others()
    {
        var manager = await _host.UserAsync(Demo.PctManager);
        var stopped = new ConcurrentQueue<DataChange>();
        await _host.RunAsync<LiveChanges, bool>(live =>
        {
            live.Watch(_ => throw new InvalidOperationException("A broken page"));
            live.Watch(stopped.Enqueue).Dispose();
            return Task.FromResult(true);
        });

        var outcome = await _host.RunAsync<SupportActionBoard, EditOutcome>(b => b.AddAsync(manager, Demo.ManagedConsortium, Form(), CancellationToken.None));

        Assert.True(outcome.IsSaved);
        Assert.Single(_heard);
        Assert.Empty(stopped);
    }

    private static SupportActionForm Form() => new()
    {
        Criterion = "GOV-02",
        Description = "Agree a conflicts of interest policy",
        Owner = "PCT development lead",
        DueDay = "31",
        DueMonth = "3",
        DueYear = "2031",
    };

    private static SupportAction Action(string consortium, string description) =>
        new(consortium, "GOV-02", description, "Live test", new DateOnly(2031, 3, 31), "test", DateTime.UtcNow);
}
