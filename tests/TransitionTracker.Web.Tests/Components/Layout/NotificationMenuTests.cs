using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Data;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Web.Components.Layout;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Layout;

/// <summary>
/// The app bar's notification centre: the unread count on the button, the list only when opened, marking read one by
/// one or all, following a notification to its page, and a notification made meanwhile counted without a reload.
/// </summary>
public sealed class NotificationMenuTests : MudComponentContext, IClassFixture<TransitionTrackerFactory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly TransitionTrackerFactory _factory;

    public NotificationMenuTests(TransitionTrackerFactory factory)
    {
        _factory = factory;
        Services.AddFallbackServiceProvider(factory.Services.CreateScope().ServiceProvider);
    }

    [Fact]
    public async Task The_count_shows_the_list_opens_marks_read_and_a_new_notification_is_counted_live()
    {
        var lead = await DemoUsers.ActingAsync(_factory, "lead.00g@demo.test");
        await ClearAsync(lead);
        var first = await AddAsync(lead, "Newcastle North and East: a support action is due on 9 January 2031", "/consortia/00G/actions");
        await AddAsync(lead, "Newcastle North and East: “Authorised” is planned for 1 April 2013", "/consortia/00G/plan");

        var menu = RenderInteractive<NotificationMenu>(p => p.Add(m => m.User, lead));

        menu.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);
        Assert.Equal("2", menu.Find(".app-notifications__count").TextContent);
        Assert.Empty(menu.FindAll("#notifications-panel"));

        menu.Find("#notifications-button").Click();
        menu.WaitForAssertion(() => Assert.Equal(2, menu.FindAll("#notifications-panel li").Count), Patience);
        Assert.Equal("/account/notifications", menu.Find("#notifications-panel .app-notifications__settings a").GetAttribute("href"));
        Assert.Equal("true", menu.Find("#notifications-button").GetAttribute("aria-expanded"));

        menu.Find($"li[data-notification='{first}'] button").Click();
        menu.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);
        Assert.Contains("app-notifications__item--read", menu.Find($"li[data-notification='{first}']").ClassName);

        // Made elsewhere (the reminder run, or a regional lead's decision): the open page hears of it.
        var third = await AddAsync(lead, "Newcastle North and East: a regional lead confirmed the track “Needs support”", "/consortia/00G");
        menu.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);
        menu.WaitForAssertion(() => Assert.Equal(3, menu.FindAll("#notifications-panel li").Count), Patience);

        menu.Find($"li[data-notification='{third}'] a").Click();
        menu.WaitForAssertion(() => Assert.EndsWith("/consortia/00G", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri), Patience);
        menu.WaitForAssertion(() => Assert.Empty(menu.FindAll("#notifications-panel")), Patience);
        menu.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);

        menu.Find("#notifications-button").Click();
        menu.WaitForAssertion(() => menu.Find("#notifications-mark-all").Click(), Patience);
        menu.WaitForAssertion(() => Assert.Equal("Notifications, none unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);
        Assert.Empty(menu.FindAll(".app-notifications__count"));
        Assert.Empty(menu.FindAll("#notifications-mark-all"));
    }

    [Fact]
    public async Task Someone_with_none_is_told_so_when_it_opens()
    {
        var manager = await DemoUsers.ActingAsync(_factory, "pct.5d8@demo.test");
        await ClearAsync(manager);

        var menu = RenderInteractive<NotificationMenu>(p => p.Add(m => m.User, manager));
        menu.WaitForAssertion(() => Assert.Equal("Notifications, none unread", menu.Find("#notifications-button").GetAttribute("aria-label")), Patience);
        menu.Find("#notifications-button").Click();

        menu.WaitForAssertion(() => Assert.Equal("You have no notifications.", menu.Find("#notifications-panel p").TextContent), Patience);
        Assert.Equal("Notifications, none unread", menu.Find("#notifications-button").GetAttribute("aria-label"));
    }

    private async Task ClearAsync(ActingUser user)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        await db.Notifications.Where(n => n.RecipientId == user.Id).ExecuteDeleteAsync();
    }

    private async Task<long> AddAsync(ActingUser user, string text, string link)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var notification = new Notification
        {
            RecipientId = user.Id,
            Kind = NotificationKind.ActionDueSoon,
            AboutConsortium = "00G",
            Text = text,
            Link = link,
            DedupeKey = $"test:{Guid.NewGuid():N}",
            CreatedAtUtc = DateTime.UtcNow,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification.Id;
    }
}
