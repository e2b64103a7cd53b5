using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Data;
using TransitionTracker.Data.Notifications;
using TransitionTracker.Data.Seeding;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A shown page nobody uses gives its circuit up and waits on a small WebSocket instead: a regional lead's dashboard
/// left alone is paused (the server holds no circuit for it), wakes for a track decision in its region and shows it
/// without a reload, pauses again, wakes for a notification of its user's (not another's) and counts it, and comes
/// back live at the first movement of the mouse. The checklist, where others
/// see who has the draft open, stays live. The app here pauses after two seconds unused instead of two minutes.
/// </summary>
public sealed class IdlePageTests(IdlePageTests.App app, ITestOutputHelper output) : IClassFixture<IdlePageTests.App>
{
    [BrowserFact]
    public async Task A_dashboard_left_alone_is_paused_wakes_for_a_change_it_shows_and_resumes_when_used()
    {
        await using var browserPage = await NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Regional("Q30"));
        var sockets = new List<string>();
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);
        await page.GotoAsync("/regions/Q30?q=00G");
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var row = page.Locator("tr", new() { Has = page.Locator("a[data-code='00G']") });
        await Expect(row).ToBeVisibleAsync();
        await page.EvaluateAsync("() => window.appMark = 'not reloaded'");
        await Eventually.WaitForAsync(() => app.OpenCircuits >= 1, "the dashboard's circuit");
        var open = app.OpenCircuits;

        // Left alone, it gives its circuit up and listens for changes.
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        await Eventually.WaitForAsync(() => app.OpenCircuits == open - 1, "the idle page's circuit to close on the server");
        await Eventually.WaitForAsync(() => sockets.Any(url => url.Contains("/live/wake?t=", StringComparison.Ordinal)), "the page's wake socket");
        // It still shows what it showed, with no "paused" banner over it.
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // A decision in its region wakes it; its new circuit reads the dashboard again. The browser notes when the row
        // changes (on every animation frame).
        var before = await row.InnerTextAsync();
        var shown = page.WaitForFunctionAsync(
            """
            before => {
              const row = [...document.querySelectorAll('tr')].find(tr => tr.querySelector("a[data-code='00G']"));
              return row && row.innerText !== before ? Date.now() : false;
            }
            """,
            before);
        var decided = await TrackDecisions.DecideOnAsync(app.Services, DemoAccountSeeder.Regional("Q30"), "00G", "needs-support", "Decided while the dashboard sat unused.");
        var committedAt = DateTimeOffset.UtcNow;
        Assert.True(decided.IsSaved);
        var shownAt = DateTimeOffset.FromUnixTimeMilliseconds((long)await (await shown).JsonValueAsync<double>());
        output.WriteLine($"Decided; on the woken page {(shownAt - committedAt).TotalMilliseconds:0} ms after the commit.");
        await Expect(page.Locator("html[data-circuit=live]")).ToBeAttachedAsync();
        await Expect(row).ToContainTextAsync("Needs support");
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.appMark ?? null"));
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // Left alone again it pauses again. A notification for someone else leaves it be; one for this user wakes it,
        // and the bell counts it.
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        var bell = page.Locator("#notifications-button");
        var bellBefore = await bell.GetAttributeAsync("aria-label");
        await NotifyAsync(DemoAccountSeeder.Regional("Q34"), "For another region's lead");
        await Task.Delay(TimeSpan.FromSeconds(1));
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        await NotifyAsync(DemoAccountSeeder.Regional("Q30"), "A reminder for this page's user");
        await Expect(bell).Not.ToHaveAttributeAsync("aria-label", bellBefore!);
        await Expect(page.Locator("html[data-circuit=live]")).ToBeAttachedAsync();
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.appMark ?? null"));

        // Left alone once more, a movement of the mouse brings it back, and it still sorts.
        await Expect(page.Locator("html[data-circuit=paused]")).ToBeAttachedAsync();
        await page.Mouse.MoveAsync(200, 200);
        await Expect(page.Locator("html[data-circuit=live]")).ToBeAttachedAsync();
        await Expect(page.Locator("main[data-live=true]")).ToBeAttachedAsync();
        var table = page.Locator("#consortia-table");
        await table.Locator("th", new() { HasText = "Score" }).GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=score"));
        Assert.Equal("not reloaded", await page.EvaluateAsync<string?>("() => window.appMark ?? null"));
        await Accessibility.ScanAtEachWidthAsync(browserPage, "region dashboard woken after being idle");
    }

    [BrowserFact]
    public async Task The_checklist_stays_live_while_left_alone()
    {
        await using var browserPage = await NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5QW"));
        await page.GotoAsync("/consortia/05P/assessments/" + Application.Assessments.AssessmentWorkflow.DefaultFramework);
        await Expect(page.Locator(".app-checklist[data-live=true]")).ToHaveCountAsync(1);
        var open = app.OpenCircuits;

        // Three times the delay: an idle pause would have happened by now.
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Null(await page.Locator("html").GetAttributeAsync("data-circuit"));
        Assert.Equal(open, app.OpenCircuits);
    }

    // Made as the reminder run makes them: through the app's contexts, so that the change is announced.
    private async Task NotifyAsync(string email, string text)
    {
        var contexts = app.Services.GetRequiredService<IDbContextFactory<TransitionTrackerDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var recipient = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.Notifications.Add(new Notification
        {
            RecipientId = recipient,
            Kind = NotificationKind.MilestoneComing,
            AboutConsortium = "00G",
            Text = text,
            Link = "/consortia/00G",
            DedupeKey = $"test:{Guid.NewGuid()}",
            CreatedAtUtc = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private async Task<BrowserPage> NewPageAsync()
    {
        var browserPage = await app.NewPageAsync();
        await browserPage.Page.SetViewportSizeAsync(1280, 900);
        return browserPage;
    }

    /// <summary>The app, pausing a page unused for two seconds, with dashboards as at today.</summary>
    public sealed class App : BrowserAppFixture
    {
        protected override void Configure(IDictionary<string, string> settings)
        {
            settings["Circuits:PauseIdlePageAfter"] = "00:00:02";

            // So that a decision made now shows on the dashboard at once.
            settings[DashboardReferenceDate.SettingName] = "";
        }
    }
}
