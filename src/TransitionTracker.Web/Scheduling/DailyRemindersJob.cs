using Quartz;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Web.Scheduling;

/// <summary>
/// The daily job (docs/operations.md, "Scheduled jobs"): the reminder rules, then the e-mail digests. Each firing is
/// recorded in <see cref="ScheduledRun"/> (which instance ran it, for which scheduled time, what it made), which is how
/// a run can be seen to have happened once. The scheduler never runs two firings of it at once, across instances too.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyRemindersJob(
    Reminders reminders, Digests digests, DbContexts contexts, DashboardReferenceDate referenceDate, TimeProvider clock, ILogger<DailyRemindersJob> logger) : IJob
{
    public const string Name = "daily-reminders";

    public static readonly JobKey Key = new(Name, "transition-tracker");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = new ScheduledRun
        {
            Job = Name,
            FireId = context.FireInstanceId,
            ScheduledForUtc = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime,
            RunFor = referenceDate.Date,
            Instance = context.Scheduler.SchedulerInstanceId,
            StartedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using (var db = contexts.Open(new AuditActor()))
        {
            db.ScheduledRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        run.NotificationsMade = await reminders.RunAsync(cancellationToken);
        run.MailsSent = await digests.SendDueAsync(cancellationToken);
        run.FinishedAtUtc = clock.GetUtcNow().UtcDateTime;
        await using (var db = contexts.Open(new AuditActor()))
        {
            db.ScheduledRuns.Update(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation(
            "Daily reminders as at {Date}: {Notifications} notification(s) made, {Mails} digest(s) sent, on {Instance}",
            UkCalendar.Date(run.RunFor), run.NotificationsMade, run.MailsSent, run.Instance);
    }
}
