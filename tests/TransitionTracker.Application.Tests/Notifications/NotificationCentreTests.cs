using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Tests.Notifications;

/// <summary>A user's own notifications: counted, listed unread first, marked read one by one or all; nobody else's.</summary>
public sealed class NotificationCentreTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Counts_lists_and_marks_only_the_users_own()
    {
        var lead = await _host.UserAsync(Demo.ConsortiumLead);
        var manager = await _host.UserAsync(Demo.PctManager);
        var first = await AddAsync(lead.Id, "First", new DateTime(2031, 1, 1, 9, 0, 0, DateTimeKind.Utc));
        var second = await AddAsync(lead.Id, "Second", new DateTime(2031, 1, 2, 9, 0, 0, DateTimeKind.Utc));
        var managers = await AddAsync(manager.Id, "The manager's", new DateTime(2031, 1, 2, 9, 0, 0, DateTimeKind.Utc));

        Assert.Equal(2, await CountAsync(lead));
        Assert.Equal(0, await _host.RunAsync<NotificationCentre, int>(c => c.UnreadCountAsync(null, CancellationToken.None)));
        var listed = await _host.RunAsync<NotificationCentre, IReadOnlyList<NotificationItem>>(c => c.ListAsync(lead, CancellationToken.None));
        Assert.Equal(["Second", "First"], listed.Select(n => n.Text));

        Assert.True(await _host.RunAsync<NotificationCentre, bool>(c => c.MarkReadAsync(lead, second, CancellationToken.None)));
        Assert.False(await _host.RunAsync<NotificationCentre, bool>(c => c.MarkReadAsync(lead, managers, CancellationToken.None)));
        Assert.Equal(1, await CountAsync(lead));
        Assert.Equal(1, await CountAsync(manager));

        listed = await _host.RunAsync<NotificationCentre, IReadOnlyList<NotificationItem>>(c => c.ListAsync(lead, CancellationToken.None));
        Assert.Equal([(first, false), (second, true)], listed.Select(n => (n.Id, n.IsRead)));

        Assert.Equal(1, await _host.RunAsync<NotificationCentre, int>(c => c.MarkAllReadAsync(lead, CancellationToken.None)));
        Assert.Equal(0, await CountAsync(lead));
        Assert.Equal(1, await CountAsync(manager));
    }

    private Task<int> CountAsync(TransitionTracker.Application.Access.ActingUser user) =>
        _host.RunAsync<NotificationCentre, int>(c => c.UnreadCountAsync(user, CancellationToken.None));

    private async Task<long> AddAsync(string recipient, string text, DateTime at)
    {
        await using var db = _host.OpenContext();
        var notification = new Notification
        {
            RecipientId = recipient,
            Kind = NotificationKind.ActionDueSoon,
            AboutConsortium = Demo.LeadsConsortium,
            Text = text,
            Link = $"/consortia/{Demo.LeadsConsortium}/actions",
            DedupeKey = $"test:{text}",
            CreatedAtUtc = at,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }
}
