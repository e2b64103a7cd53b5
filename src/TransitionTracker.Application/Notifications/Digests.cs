using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Notifications;

/// <summary>
/// The e-mail digest (docs/architecture.md, "Reminders and notifications"): to each user whose choice
/// (<see cref="DigestFrequency"/>) makes one due today, one e-mail listing their unread notifications not yet sent,
/// each with its link. Daily: every day there is something; weekly: on Mondays; off: never. "Today" is the UK date
/// by the clock (not the dashboards' reference date: a digest goes out on the day it is sent). A user is sent at most
/// one digest a day, and a notification goes out once. One query finds everything to send.
/// </summary>
public sealed class Digests(DbContexts contexts, IMailSender sender, IOptions<EmailOptions> options, TimeProvider clock, ILogger<Digests> logger)
{
    /// <summary>The most notifications listed in one e-mail; the rest are counted.</summary>
    public const int Listed = 30;

    /// <summary>Sends every digest due today; the number of e-mails sent (or logged, without SMTP).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var today = UkCalendar.Today(clock);
        var weekly = today.DayOfWeek == DayOfWeek.Monday;
        List<Row> rows;
        await using (var db = contexts.OpenForReading())
        {
            rows = await (
                from n in db.Notifications
                join u in db.Users on n.RecipientId equals u.Id
                where n.ReadAtUtc == null && n.EmailedAtUtc == null && !u.IsDisabled && u.Email != null
                      && (u.DigestFrequency == DigestFrequency.Daily || (weekly && u.DigestFrequency == DigestFrequency.Weekly))
                      && (u.DigestSentOn == null || u.DigestSentOn != today)
                orderby u.Id, n.CreatedAtUtc descending, n.Id descending
                select new Row(u.Id, u.Email!, u.DisplayName, n.Id, n.Text, n.Link))
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var user in rows.GroupBy(r => r.UserId))
        {
            var items = user.ToList();
            var mail = Compose(items);
            try
            {
                await sender.SendAsync(mail, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One address refused must not stop the others; this one is tried again at the next run.
                logger.LogWarning(exception, "The digest to {Recipient} could not be sent", mail.ToAddress);
                continue;
            }

            var ids = items.Select(i => i.NotificationId).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = contexts.Open(new Data.Auditing.AuditActor());
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAtUtc, now), cancellationToken);
            await db.Users.Where(u => u.Id == user.Key).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestSentOn, today), cancellationToken);
            sent++;
        }

        return sent;
    }

    private OutgoingMail Compose(IReadOnlyList<Row> items)
    {
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var first = items[0];
        var subject = items.Count == 1
            ? "Transition Tracker: 1 new notification"
            : $"Transition Tracker: {items.Count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} new notifications";
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"Hello {first.DisplayName},\n\n");
        body.Append(items.Count == 1 ? "You have a new notification in Transition Tracker:\n\n" : "You have new notifications in Transition Tracker:\n\n");
        foreach (var item in items.Take(Listed))
        {
            body.Append(CultureInfo.InvariantCulture, $"- {item.Text}\n  {baseUrl}{item.Link}\n\n");
        }

        if (items.Count > Listed)
        {
            body.Append(CultureInfo.InvariantCulture, $"and {items.Count - Listed:N0} more: {baseUrl}/\n\n");
        }

        body.Append(CultureInfo.InvariantCulture, $"Choose how often you get these e-mails, or stop them: {baseUrl}/account/notifications\n");
        return new OutgoingMail(first.Email, first.DisplayName, subject, body.ToString());
    }

    private sealed record Row(string UserId, string Email, string DisplayName, long NotificationId, string Text, string Link);
}
