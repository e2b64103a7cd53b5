using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TransitionTracker.Data.Seeding;
using static Microsoft.Playwright.Assertions;

namespace TransitionTracker.Browser.Tests;

/// <summary>Signing in through the real sign-in form, as a person would.</summary>
public static partial class SignIn
{
    /// <summary>
    /// Opens the sign-in page, fills in the demo account's email address and password, presses "Sign in" and waits
    /// for the home page. <paramref name="onSignInPage"/>, if given, runs on the empty form first (to scan it, say).
    /// </summary>
    public static async Task AsAsync(IPage page, string email, Func<Task>? onSignInPage = null)
    {
        await page.GotoAsync("/sign-in");
        await Expect(page).ToHaveTitleAsync("Sign in – Transition Tracker");
        if (onSignInPage is not null)
        {
            await onSignInPage();
        }

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(DemoAccountSeeder.DefaultPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(HomeUrl());
    }

    [GeneratedRegex(@"^https?://[^/]+/$")]
    public static partial Regex HomeUrl();
}
