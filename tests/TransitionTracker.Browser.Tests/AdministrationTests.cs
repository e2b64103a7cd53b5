using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>An administrator searches, filters and sorts the user list in place, then reads the framework list and a framework; each checked with axe.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdministrationTests(BrowserAppFixture app)
{
    [BrowserFact]
    public async Task An_administrator_searches_filters_and_sorts_users_without_a_page_load()
    {
        await using var browserPage = await app.NewPageAsync();
        var page = browserPage.Page;
        await SignIn.AsAsync(page, DemoAccountSeeder.Administrator);

        await page.GotoAsync("/admin/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        var rows = page.Locator(".app-user-grid tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        await page.EvaluateAsync("() => window.appMark = 'still here'");

        // Typing before the circuit is live does nothing, so type until the search reaches the address.
        var search = page.GetByLabel("Search by email address or name");
        for (var attempt = 0; attempt < 30 && !page.Url.Contains("q=regional", StringComparison.Ordinal); attempt++)
        {
            await search.FillAsync("");
            await search.FillAsync("regional");
            await page.WaitForTimeoutAsync(500);
        }

        await Expect(page).ToHaveURLAsync(new Regex("q=regional$"));
        await Expect(rows).ToHaveCountAsync(10);
        await Expect(page.Locator(".app-grid-summary")).ToContainTextAsync("10 of 375 users match");

        await search.FillAsync("");
        await Expect(page).ToHaveURLAsync(UsersUrl());
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Role", Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "National viewer" });
        await Expect(page).ToHaveURLAsync(new Regex("role=national-viewer$"));
        await Expect(page.Locator(".app-grid-summary")).ToContainTextAsync("of 375 users match");
        await Expect(rows.First.Locator("td").Nth(2)).ToContainTextAsync("National viewer");

        await page.Locator(".app-user-grid th", new() { HasText = "Email address" }).GetByRole(AriaRole.Button, new() { Name = "Sort" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("role=national-viewer&dir=desc$"));
        var emails = await GridOrder.ReadSortedAsync(rows.Locator("td:first-child a"), descending: true);
        Assert.Equal(emails.OrderDescending(StringComparer.OrdinalIgnoreCase), emails);
        Assert.Equal("still here", await page.EvaluateAsync<string>("() => window.appMark"));
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "user list");

        await page.GotoAsync("/admin/frameworks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Readiness frameworks");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Readiness frameworks" }).Locator("tbody tr")).ToHaveCountAsync(2);
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "framework list");

        await page.GetByRole(AriaRole.Link, new() { Name = "GP consortium transition readiness (2010)", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/frameworks/gp-consortium-readiness-2010$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("GP consortium transition readiness (2010)");
        await page.Locator(".app-framework-domains .mud-expand-panel-header").First.ClickAsync();
        await Expect(page.Locator("[data-criterion='CLE-01']")).ToBeVisibleAsync();
        browserPage.AssertAllResourcesLoaded();
        await Accessibility.ScanAtEachWidthAsync(browserPage, "a framework's domains and criteria");
    }

    [GeneratedRegex(@"/admin/users$")]
    private static partial Regex UsersUrl();
}
