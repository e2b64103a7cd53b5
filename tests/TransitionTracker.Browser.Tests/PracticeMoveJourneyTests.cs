using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>
/// A PCT manager records a practice of Newcastle PCT (5D7) moving from consortium 00G to 00H, and both consortia's
/// practice counts and populations follow, on the PCT page and on each consortium's page; axe at 1,280 and 375 px on
/// the dialog.
/// </summary>
/// <remarks>Its own app, as the move changes figures that other classes' pages show.</remarks>
public sealed class PracticeMoveJourneyTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    [BrowserFact]
    public async Task A_practice_moves_between_two_consortia_and_both_populations_follow()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SignIn.AsAsync(page, DemoAccountSeeder.PctManager("5D7"));
        await page.GotoAsync("/pcts/5D7");
        var moveButtons = page.Locator("button.app-move-practice:not([disabled])");
        await Expect(moveButtons.First).ToBeVisibleAsync();
        var before = (await FiguresAsync(page, "00G"), await FiguresAsync(page, "00H"));

        var row = page.Locator(".app-practice-grid tbody tr", new() { Has = page.Locator("a[href='/consortia/00G']") }).First;
        var practiceName = (await row.Locator("td").First.InnerTextAsync()).Trim();
        var listSize = int.Parse((await row.Locator("td").Nth(3).InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        await row.Locator("button.app-move-practice").ClickAsync();
        var dialog = page.Locator(".app-move-dialog");
        await Expect(dialog.Locator("#move-current")).ToContainTextAsync("Member of Newcastle North and East");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "record a move", checkWidth: false);

        await dialog.Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "(00H)" }).ClickAsync();
        // The choice is the server's once the select shows it; a date typed before that render would be wiped by it.
        await Expect(dialog.Locator(".mud-select").First).ToContainTextAsync("(00H)");
        var date = dialog.GetByLabel("Date of the move");
        await date.FillAsync("01/04/2099");
        await date.PressAsync("Tab");
        await dialog.Locator("#record-move").ClickAsync();
        await Expect(dialog.Locator("#move-date-error")).ToContainTextAsync("today or in the past");
        await Accessibility.ScanAtEachWidthAsync(browserPage, "record a move with a date in the future", checkWidth: false);

        await date.FillAsync("01/04/2012");
        await date.PressAsync("Tab");
        await dialog.Locator("#record-move").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-snackbar", new() { HasText = $"Recorded: {practiceName} joined Newcastle West" })).ToBeVisibleAsync();
        var figuresRow = (string code) => page.Locator("tr", new() { Has = page.Locator($"a[href='/consortia/{code}']") })
            .Filter(new() { Has = page.Locator("[data-label='Registered patients']") }).First.Locator("[data-label='Registered patients']");
        await Expect(figuresRow("00G")).ToHaveTextAsync(Number(before.Item1.Patients - listSize));
        await Expect(figuresRow("00H")).ToHaveTextAsync(Number(before.Item2.Patients + listSize));
        Assert.Equal((before.Item1.Practices - 1, before.Item2.Practices + 1), ((await FiguresAsync(page, "00G")).Practices, (await FiguresAsync(page, "00H")).Practices));

        // Each consortium's own page follows too.
        await page.GotoAsync("/consortia/00H");
        await Expect(page.Locator("dt", new() { HasText = "Registered patients" }).Locator("xpath=following-sibling::dd")).ToHaveTextAsync(Number(before.Item2.Patients + listSize));
        await page.GotoAsync("/consortia/00G");
        await Expect(page.Locator("dt", new() { HasText = "Registered patients" }).Locator("xpath=following-sibling::dd")).ToHaveTextAsync(Number(before.Item1.Patients - listSize));
        browserPage.AssertAllResourcesLoaded();
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    // The consortium's practice count and registered patients in the PCT page's consortium table.
    private static async Task<(int Practices, int Patients)> FiguresAsync(IPage page, string consortium)
    {
        var row = page.Locator("tr", new() { Has = page.Locator($"a[href='/consortia/{consortium}']") }).Filter(new() { Has = page.Locator("[data-label='Registered patients']") }).First;
        async Task<int> ReadAsync(string label) =>
            int.Parse((await row.Locator($"[data-label='{label}']").InnerTextAsync()).Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        return (await ReadAsync("GP practices"), await ReadAsync("Registered patients"));
    }
}
