using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Notifications;

/// <summary>
/// The reminder rules (docs/architecture.md, "Reminders and notifications"), run once a day by the scheduler and as
/// each track decision is saved. "Today" is the dashboards' reference date (<see cref="DashboardReferenceDate"/>).
/// Each reminder is one <see cref="Notification"/> per person whose scope holds the consortium: its consortium leads,
/// the PCT managers of its linked PCTs and the regional leads of its region (a track decision: not the regional
/// leads, one of whom made it); disabled accounts get none. Its <see cref="Notification.DedupeKey"/> names the thing
/// and the date it is about, so a run repeated the same day (or the next) makes nothing twice. Set-based: a handful of
/// queries and one save, whatever the number of consortia.
/// </summary>
public sealed class Reminders(DbContexts contexts, DashboardReferenceDate referenceDate, TimeProvider clock, ILogger<Reminders> logger)
{
    /// <summary>An open support action due within this many days (today included) is "due soon".</summary>
    public const int ActionDueWithinDays = 7;

    /// <summary>A milestone planned within this many days from today is "coming".</summary>
    public const int MilestoneWithinDays = 14;

    /// <summary>A latest submitted assessment older than this many months is "stale".</summary>
    public const int StaleAfterMonths = 3;

    /// <summary>Track decisions of the last this many days that made no notification as they were saved get one.</summary>
    public const int DecisionCatchUpDays = 7;

    private const int MaxAttempts = 3;
    private const int DescriptionShown = 150;

    /// <summary>Runs every rule as at the reference date; the number of notifications made.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => RunAsync(referenceDate.Date, cancellationToken);

    /// <summary>Runs every rule as at <paramref name="today"/> (a UK date); the number of notifications made.</summary>
    public async Task<int> RunAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var dueBy = today.AddDays(ActionDueWithinDays - 1);
        var milestonesBy = today.AddDays(MilestoneWithinDays);
        var staleBefore = DashboardReferenceDate.EndOfUkDayUtc(today.AddMonths(-StaleAfterMonths).AddDays(-1));
        var decidedSince = clock.GetUtcNow().UtcDateTime.AddDays(-DecisionCatchUpDays);
        var reminders = new List<Reminder>();

        await using (var db = contexts.OpenForReading())
        {
            var actions = await (
                from a in db.SupportActions
                join c in db.Consortia on a.ConsortiumCode equals c.Code
                where a.Status != SupportActionStatus.Done && a.DueOn <= dueBy && c.MergedIntoCode == null
                select new { a.Id, a.ConsortiumCode, c.Name, c.RegionCode, a.Description, a.DueOn })
                .ToListAsync(cancellationToken);
            foreach (var a in actions)
            {
                var overdue = a.DueOn < today;
                var what = Cut(a.Description);
                reminders.Add(new Reminder(
                    overdue ? NotificationKind.ActionOverdue : NotificationKind.ActionDueSoon,
                    a.ConsortiumCode,
                    a.RegionCode,
                    overdue
                        ? $"{a.Name}: a support action was due on {UkCalendar.Date(a.DueOn)} and is still open: {what}"
                        : $"{a.Name}: a support action is due on {UkCalendar.Date(a.DueOn)}: {what}",
                    $"/consortia/{a.ConsortiumCode}/actions/{a.Id.ToString(CultureInfo.InvariantCulture)}",
                    $"{(overdue ? "action-overdue" : "action-due")}:{a.Id.ToString(CultureInfo.InvariantCulture)}:{Day(a.DueOn)}",
                    IncludeRegionalLeads: true));
            }

            var stale = await (
                from c in db.Consortia
                join a in db.Assessments on c.LatestAssessmentId equals a.Id
                where c.MergedIntoCode == null && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc < staleBefore
                select new { c.Code, c.Name, c.RegionCode, a.Id, a.SubmittedAtUtc })
                .ToListAsync(cancellationToken);
            foreach (var s in stale)
            {
                reminders.Add(new Reminder(
                    NotificationKind.AssessmentStale,
                    s.Code,
                    s.RegionCode,
                    $"{s.Name}: the latest readiness assessment was submitted on {UkCalendar.Date(s.SubmittedAtUtc!.Value)}, more than three months ago",
                    $"/consortia/{s.Code}/history",
                    $"assessment-stale:{s.Id.ToString(CultureInfo.InvariantCulture)}",
                    IncludeRegionalLeads: true));
            }

            var milestones = await (
                from m in db.Milestones
                join c in db.Consortia on m.ConsortiumCode equals c.Code
                where m.AchievedOn == null && m.PlannedOn >= today && m.PlannedOn <= milestonesBy && c.MergedIntoCode == null
                select new { m.Id, m.ConsortiumCode, c.Name, c.RegionCode, m.Kind, m.PlannedOn })
                .ToListAsync(cancellationToken);
            foreach (var m in milestones)
            {
                reminders.Add(new Reminder(
                    NotificationKind.MilestoneComing,
                    m.ConsortiumCode,
                    m.RegionCode,
                    $"{m.Name}: “{m.Kind.ToDisplay()}” is planned for {UkCalendar.Date(m.PlannedOn!.Value)}",
                    $"/consortia/{m.ConsortiumCode}/plan",
                    $"milestone:{m.Id.ToString(CultureInfo.InvariantCulture)}:{Day(m.PlannedOn.Value)}",
                    IncludeRegionalLeads: true));
            }

            var decisions = await (
                from d in db.TrackDecisions
                join c in db.Consortia on d.ConsortiumCode equals c.Code
                where d.DecidedAtUtc >= decidedSince
                select new { d.ConsortiumCode, c.Name, c.RegionCode, d.Track, d.ComputedTrack, d.Revision })
                .ToListAsync(cancellationToken);
            reminders.AddRange(decisions.Select(d => Decided(d.ConsortiumCode, d.Name, d.RegionCode, d.Track, d.ComputedTrack, d.Revision)));
        }

        return await NotifyAsync(reminders, cancellationToken);
    }

    /// <summary>
    /// Tells the consortium's leads and PCT managers of a decision just saved. A failure here is logged, not thrown: the
    /// decision stands, and the next reminder run makes what was missed.
    /// </summary>
    public async Task<int> TrackDecidedAsync(TrackDecision decision, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = contexts.OpenForReading();
            var consortium = await db.Consortia
                .Where(c => c.Code == decision.ConsortiumCode)
                .Select(c => new { c.Name, c.RegionCode })
                .SingleAsync(cancellationToken);
            return await NotifyAsync(
                [Decided(decision.ConsortiumCode, consortium.Name, consortium.RegionCode, decision.Track, decision.ComputedTrack, decision.Revision)],
                cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Could not make the notifications of the track decision on {Consortium}; the next reminder run makes them", decision.ConsortiumCode);
            return 0;
        }
    }

    private static Reminder Decided(string code, string name, string region, Domain.Scoring.Track track, Domain.Scoring.Track? computed, int revision)
    {
        var trackName = TrackName(track);
        var text = computed == track
            ? $"{name}: a regional lead confirmed the track “{trackName}”"
            : $"{name}: a regional lead set the track to “{trackName}”";
        return new Reminder(NotificationKind.TrackDecided, code, region, text, $"/consortia/{code}", $"decision:{code}:{revision.ToString(CultureInfo.InvariantCulture)}", IncludeRegionalLeads: false);
    }

    private static string TrackName(Domain.Scoring.Track track) => track == Domain.Scoring.Track.FastMover ? "Fast mover" : "Needs support";

    // Everyone in scope of each reminder, less those who have it already; one save. A concurrent run (another
    // instance, or a decision saved meanwhile) may make some first: the unique index refuses the save, and it is
    // worked out again.
    private async Task<int> NotifyAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellationToken)
    {
        if (reminders.Count == 0)
        {
            return 0;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Open(new Data.Auditing.AuditActor());
            var codes = reminders.Select(r => r.Consortium).Distinct().ToList();
            var regions = reminders.Where(r => r.IncludeRegionalLeads).Select(r => r.Region).Distinct().ToList();
            var links = await db.ConsortiumPcts
                .Where(p => codes.Contains(p.ConsortiumCode))
                .Select(p => new { p.ConsortiumCode, p.PctCode })
                .ToListAsync(cancellationToken);
            var pcts = links.Select(l => l.PctCode).Distinct().ToList();
            var people = await (
                from r in db.RoleAssignments
                join u in db.Users on r.UserId equals u.Id
                where !u.IsDisabled
                      && ((r.Role == Role.ConsortiumLead && codes.Contains(r.ScopeCode!))
                          || (r.Role == Role.PctManager && pcts.Contains(r.ScopeCode!))
                          || (r.Role == Role.RegionalLead && regions.Contains(r.ScopeCode!)))
                select new { r.UserId, r.Role, r.ScopeCode })
                .ToListAsync(cancellationToken);

            var pctsOf = links.ToLookup(l => l.ConsortiumCode, l => l.PctCode, StringComparer.Ordinal);
            var byScope = people.ToLookup(p => (p.Role, p.ScopeCode!));
            var keys = reminders.Select(r => r.Key).Distinct().ToList();
            var made = (await db.Notifications
                    .Where(n => keys.Contains(n.DedupeKey))
                    .Select(n => new { n.RecipientId, n.DedupeKey })
                    .ToListAsync(cancellationToken))
                .Select(n => (n.RecipientId, n.DedupeKey))
                .ToHashSet();

            var now = clock.GetUtcNow().UtcDateTime;
            var added = 0;
            foreach (var reminder in reminders)
            {
                var recipients = byScope[(Role.ConsortiumLead, reminder.Consortium)]
                    .Concat(pctsOf[reminder.Consortium].SelectMany(pct => byScope[(Role.PctManager, pct)]))
                    .Concat(reminder.IncludeRegionalLeads ? byScope[(Role.RegionalLead, reminder.Region)] : [])
                    .Select(p => p.UserId);
                foreach (var recipient in recipients)
                {
                    if (!made.Add((recipient, reminder.Key)))
                    {
                        continue;
                    }

                    db.Notifications.Add(new Notification
                    {
                        RecipientId = recipient,
                        Kind = reminder.Kind,
                        AboutConsortium = reminder.Consortium,
                        Text = reminder.Text.Length > Notification.TextMaxLength ? reminder.Text[..(Notification.TextMaxLength - 1)] + "…" : reminder.Text,
                        Link = reminder.Link,
                        DedupeKey = reminder.Key,
                        CreatedAtUtc = now,
                    });
                    added++;
                }
            }

            if (added == 0)
            {
                return 0;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return added;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone made some of them first: work them out again.
            }
        }
    }

    private static string Cut(string text) => text.Length <= DescriptionShown ? text : text[..(DescriptionShown - 1)].TrimEnd() + "…";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Reminder(NotificationKind Kind, string Consortium, string Region, string Text, string Link, string Key, bool IncludeRegionalLeads);
}
