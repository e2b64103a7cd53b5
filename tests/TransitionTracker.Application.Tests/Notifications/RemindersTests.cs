using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Tests.Notifications;

/// <summary>
/// The reminder rules: each reminder goes to the consortium's lead, the PCT managers of its linked PCTs and its
/// regional lead, to nobody else, and never twice; a track decision is told to the lead and PCT managers as it is saved.
/// </summary>
public sealed class RemindersTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2031, 1, 6);

    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_action_falling_due_reaches_everyone_whose_scope_holds_it_once_and_nobody_else()
    {
        var due = await AddActionAsync(Demo.ManagedConsortium, Today.AddDays(3), "Agree the governance handbook");
        var later = await AddActionAsync(Demo.ManagedConsortium, Today.AddDays(30), "Not yet due");

        var made = await RunAsync();
        var again = await RunAsync();

        Assert.True(made > 0);
        Assert.Equal(0, again);
        var key = $"action-due:{due}:{Today.AddDays(3):yyyy-MM-dd}";
        var recipients = await RecipientsAsync(key);
        Assert.Equal(
            new[] { Demo.PctManager, DemoAccountSeeder.ConsortiumLead(Demo.ManagedConsortium), Demo.RegionalLead }.Order(),
            recipients.Order());
        Assert.Empty(await RecipientsAsync($"action-due:{later}:{Today.AddDays(30):yyyy-MM-dd}"));

        await using var db = _host.OpenContext();
        var one = await db.Notifications.AsNoTracking().FirstAsync(n => n.DedupeKey == key);
        Assert.Equal((NotificationKind.ActionDueSoon, Demo.ManagedConsortium, $"/consortia/{Demo.ManagedConsortium}/actions/{due}"), (one.Kind, one.AboutConsortium, one.Link));
        Assert.Contains("is due on 9 January 2031: Agree the governance handbook", one.Text);
        Assert.Null(one.ReadAtUtc);
    }

    [Fact]
    public async Task Overdue_actions_coming_milestones_and_old_assessments_are_reminded()
    {
        var overdue = await AddActionAsync(Demo.ManagedConsortium, Today.AddDays(-2), "Publish the conflicts register");
        int milestone;
        int latestAssessment;
        await using (var db = _host.OpenContext())
        {
            var stored = await db.Milestones.FirstOrDefaultAsync(m => m.ConsortiumCode == Demo.ManagedConsortium && m.Kind == MilestoneKind.Authorised);
            if (stored is null)
            {
                stored = new Milestone(Demo.ManagedConsortium, MilestoneKind.Authorised, Today.AddDays(10), null);
                db.Milestones.Add(stored);
            }
            else
            {
                stored.Update(Today.AddDays(10), null);
            }

            await db.SaveChangesAsync();
            milestone = stored.Id;
            latestAssessment = (await db.Consortia.SingleAsync(c => c.Code == Demo.ManagedConsortium)).LatestAssessmentId!.Value;
        }

        await RunAsync();

        var lead = DemoAccountSeeder.ConsortiumLead(Demo.ManagedConsortium);
        Assert.Contains(lead, await RecipientsAsync($"action-overdue:{overdue}:{Today.AddDays(-2):yyyy-MM-dd}"));
        Assert.Contains(lead, await RecipientsAsync($"milestone:{milestone}:{Today.AddDays(10):yyyy-MM-dd}"));
        Assert.Contains(Demo.PctManager, await RecipientsAsync($"assessment-stale:{latestAssessment}"));
        Assert.DoesNotContain(Demo.ConsortiumLead, await RecipientsAsync($"assessment-stale:{latestAssessment}"));
    }

    [Fact]
    public async Task A_track_decision_is_told_to_the_lead_and_pct_managers_as_it_is_saved_and_the_run_adds_no_second()
    {
        var regional = await _host.UserAsync(Demo.RegionalLead);
        var revision = await CurrentDecisionRevisionAsync();
        var outcome = await _host.RunAsync<TrackReview, EditOutcome<TrackDecision>>(r => r.DecideAsync(
            regional, Demo.ManagedConsortium, revision, "fast-mover", "Finance plan signed off.", CancellationToken.None));
        Assert.True(outcome.IsSaved);

        var key = $"decision:{Demo.ManagedConsortium}:{outcome.Revision}";
        var told = await RecipientsAsync(key);
        Assert.Equal(new[] { Demo.PctManager, DemoAccountSeeder.ConsortiumLead(Demo.ManagedConsortium) }.Order(), told.Order());

        await _host.RunAsync<Reminders, int>(r => r.RunAsync(Today, CancellationToken.None));
        Assert.Equal(told.Count, (await RecipientsAsync(key)).Count);
    }

    private async Task<int> CurrentDecisionRevisionAsync()
    {
        await using var db = _host.OpenContext();
        return await db.TrackDecisions.Where(d => d.ConsortiumCode == Demo.ManagedConsortium).Select(d => (int?)d.Revision).MaxAsync() ?? 0;
    }

    private Task<int> RunAsync() => _host.RunAsync<Reminders, int>(r => r.RunAsync(Today, CancellationToken.None));

    private async Task<int> AddActionAsync(string consortium, DateOnly dueOn, string description)
    {
        await using var db = _host.OpenContext();
        var action = new SupportAction(consortium, "GOV-02", description, "Owner", dueOn, "test", DateTime.UtcNow);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task<List<string>> RecipientsAsync(string key)
    {
        await using var db = _host.OpenContext();
        return await (
            from n in db.Notifications
            join u in db.Users on n.RecipientId equals u.Id
            where n.DedupeKey == key
            select u.Email!)
            .ToListAsync();
    }
}
