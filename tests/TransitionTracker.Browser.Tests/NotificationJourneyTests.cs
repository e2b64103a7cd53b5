using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Notifications;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.SupportActions;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A consortium lead's reminders: the daily run has made them; the lead sees the unread count on the bell, opens the
/// notification centre (accessible at both widths), follows a reminder to its support action, and the count drops.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task A_consortium_lead_sees_the_unread_count_opens_the_centre_and_follows_a_reminder()
    {
        var lead = DemoAccountSeeder.ConsortiumLead("00G");
        var action = await ArrangeReminderAsync(lead);
        var unread = await UnreadAsync(lead);
        Assert.Equal(1, unread);

        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, lead);
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();

        var bell = page.Locator("#notifications-button");
        await Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {unread:N0} unread");
        await Expect(bell.Locator(".app-notifications__count")).ToHaveTextAsync(unread > 99 ? "99+" : unread.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await bell.ClickAsync();
        var panel = page.Locator("#notifications-panel");
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "Notifications" })).ToBeVisibleAsync();
        var reminder = panel.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Walk the practices through the new governance handbook") });
        await Expect(reminder).ToBeVisibleAsync();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "home page with the notification centre open");
        await reminder.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/consortia/00G/actions/{action}$"));
        await Expect(page.Locator("#notifications-panel")).ToHaveCountAsync(0);
        await Expect(page.Locator("#notifications-button")).ToHaveAttributeAsync("aria-label", unread == 1 ? "Notifications, none unread" : $"Notifications, {unread - 1:N0} unread");
        Assert.Equal(unread - 1, await UnreadAsync(lead));
    }

    [BrowserFact]
    public async Task A_user_chooses_weekly_emails_and_the_choice_is_kept()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5QW"));
        await page.GotoAsync("/account/notifications");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var weekly = page.GetByRole(AriaRole.Radio, new() { Name = "Once a week, on Mondays" });
        await Expect(weekly).ToBeEnabledAsync();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "notification e-mail choice");

        await weekly.CheckAsync();

        await Expect(page.Locator("#frequency-status")).ToHaveTextAsync("Saved: once a week, on mondays.");
        await page.ReloadAsync();
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Once a week, on Mondays" })).ToBeCheckedAsync();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "notification e-mail choice after saving");
    }

    // The reminder run the scheduler makes each morning, whose reminders on the demo data the lead has read; then a
    // support action of 00G due in two days, and the next run.
    private async Task<int> ArrangeReminderAsync(string lead)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reminders = scope.ServiceProvider.GetRequiredService<Reminders>();
        await reminders.RunAsync(CancellationToken.None);
        var today = scope.ServiceProvider.GetRequiredService<DashboardReferenceDate>().Date;
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var leadId = await db.Users.Where(u => u.Email == lead).Select(u => u.Id).SingleAsync();
        await db.Notifications.Where(n => n.RecipientId == leadId).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, DateTime.UtcNow));
        var action = new SupportAction("00G", "GOV-02", "Walk the practices through the new governance handbook", "PCT development lead", today.AddDays(2), "browser test", DateTime.UtcNow);
        db.SupportActions.Add(action);
        await db.SaveChangesAsync();
        await reminders.RunAsync(CancellationToken.None);
        return action.Id;
    }

    private async Task<int> UnreadAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await (
            from n in db.Notifications
            join u in db.Users on n.RecipientId equals u.Id
            where u.Email == email && n.ReadAtUtc == null
            select n.Id).CountAsync();
    }
}
