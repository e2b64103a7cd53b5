using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Notifications;

/// <summary>
/// A user's own notifications: the app bar's unread count, the newest ones, and marking them read. Notifications
/// belong to their recipient alone, so there is no scope to check beyond that: a user reads and marks only their own,
/// and a notification of anyone else's is "not found". Marks are saved through the context (not a bulk update) so
/// the user's other open pages hear of them and their counts follow.
/// </summary>
public sealed class NotificationCentre(DbContexts contexts, TimeProvider clock)
{
    /// <summary>How many of the newest notifications the centre lists.</summary>
    public const int Shown = 20;

    /// <summary>The most a "mark all read" marks in one go (a user with more marks the rest with the next one).</summary>
    private const int MarkAllLimit = 500;

    /// <summary>How many unread notifications the user has; 0 for nobody signed in. One indexed count.</summary>
    public async Task<int> UnreadCountAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return 0;
        }

        await using var db = contexts.OpenForReading();
        return await db.Notifications.CountAsync(n => n.RecipientId == user.Id && n.ReadAtUtc == null, cancellationToken);
    }

    /// <summary>The user's newest notifications (at most <see cref="Shown"/>), unread first, newest first.</summary>
    public async Task<IReadOnlyList<NotificationItem>> ListAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return [];
        }

        await using var db = contexts.OpenForReading();
        return await db.Notifications
            .Where(n => n.RecipientId == user.Id)
            .OrderBy(n => n.ReadAtUtc != null)
            .ThenByDescending(n => n.CreatedAtUtc)
            .ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Text, n.Link, n.CreatedAtUtc, n.ReadAtUtc))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks one of the user's notifications read; false when it is not theirs or does not exist.</summary>
    public async Task<bool> MarkReadAsync(ActingUser? user, long id, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return false;
        }

        await using var db = contexts.Open(user);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == user.Id, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        if (notification.ReadAtUtc is null)
        {
            notification.ReadAtUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Marks every unread notification of the user read; how many it marked.</summary>
    public async Task<int> MarkAllReadAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return 0;
        }

        await using var db = contexts.Open(user);
        var unread = await db.Notifications
            .Where(n => n.RecipientId == user.Id && n.ReadAtUtc == null)
            .OrderBy(n => n.Id)
            .Take(MarkAllLimit)
            .ToListAsync(cancellationToken);
        if (unread.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var notification in unread)
        {
            notification.ReadAtUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return unread.Count;
    }
}

/// <summary>One notification as the centre lists it.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public bool IsRead => ReadAtUtc is not null;
}
