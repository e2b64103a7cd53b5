using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components;
using TransitionTracker.Web.Components.Layout;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Layout;

public sealed class MainLayoutTests : MudComponentContext, IClassFixture<TransitionTrackerFactory>
{
    private readonly CurrentUser _user = new();

    public MainLayoutTests(TransitionTrackerFactory factory)
    {
        Services.AddSingleton(_user);

        // The notification centre reads the (empty) count of this user from the app's database and watches for changes.
        Services.AddFallbackServiceProvider(factory.Services.CreateScope().ServiceProvider);

        // The app bar's search box and colour scheme menu are rendered but not used here: nothing reaches a database.
        Services.AddSingleton(new TransitionTracker.Application.Search.GlobalSearch(null!));
        Services.AddSingleton(new TransitionTracker.Application.Preferences.DisplayPreferences(null!));
    }

    [Fact]
    public void A_pct_manager_sees_their_role_and_the_drawer_opens_on_the_menu_button_with_their_pcts()
    {
        SignIn(new RoleAssignment("u1", Role.PctManager, "5D7"), new RoleAssignment("u1", Role.PctManager, "5D8"));

        var layout = RenderLayout(interactive: true);

        Assert.Contains("pct.5d7@demo.test", layout.Find(".app-header__account").TextContent);
        Assert.Equal("PCT manager (5D7), PCT manager (5D8)", layout.Find(".app-header__role").TextContent.Trim());
        Assert.Equal(["Home"], layout.FindAll("nav.app-header__links a").Select(a => a.TextContent.Trim()));
        Assert.Single(layout.FindAll("[role=search] input"));
        Assert.Equal("Colour scheme: As your device is set", layout.Find("header .mud-menu button").GetAttribute("aria-label"));
        // The notification centre renders again once its count is read, on another thread on PostgreSQL: its markup
        // is awaited, since a read during that render can miss it.
        layout.WaitForAssertion(
            () => Assert.Equal("Notifications, none unread", layout.Find("#notifications-button").GetAttribute("aria-label")),
            TimeSpan.FromSeconds(10));
        Assert.Empty(layout.FindAll("#notifications-panel"));
        Assert.Empty(layout.FindAll(".mud-drawer--open"));

        var menu = layout.Find("button[aria-label=Menu]");
        Assert.Equal("false", menu.GetAttribute("aria-expanded"));
        menu.Click();

        // As above: on PostgreSQL another render can be under way as the click's render lands, so it is awaited.
        layout.WaitForAssertion(
            () =>
            {
                Assert.Single(layout.FindAll(".mud-drawer--open"));
                Assert.Equal("true", layout.Find("button[aria-label=Menu]").GetAttribute("aria-expanded"));
            },
            TimeSpan.FromSeconds(10));
        var drawerLinks = layout.FindAll("#app-drawer a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("Home", "/"), ("PCT 5D7", "/pcts/5D7"), ("PCT 5D8", "/pcts/5D8")], drawerLinks);
    }

    [Fact]
    public void An_administrator_gets_the_administration_links_and_a_static_page_has_no_menu_button()
    {
        SignIn(new RoleAssignment("u1", Role.Administrator, null));

        var layout = RenderLayout(interactive: false);

        Assert.Equal(["Home", "National", "Users", "Frameworks"], layout.FindAll("nav.app-header__links a").Select(a => a.TextContent.Trim()));
        Assert.Empty(layout.FindAll("button[aria-label=Menu]"));
        Assert.Empty(layout.FindAll("#app-drawer"));
        Assert.Empty(layout.FindAll("[role=search]"));
        Assert.Empty(layout.FindAll("#notifications-button"));
        Assert.Equal("/search", layout.Find("header a[href='/search']").GetAttribute("href"));
        Assert.Equal("/sign-out", layout.Find("form.app-header__sign-out").GetAttribute("action"));
        Assert.Equal("#maincontent", layout.Find("a.app-skip-link").GetAttribute("href"));
    }

    [Fact]
    public void Nobody_signed_in_sees_only_the_sign_in_link()
    {
        var layout = RenderLayout(interactive: true);

        Assert.Empty(layout.FindAll("nav.app-header__links"));
        Assert.Empty(layout.FindAll("button[aria-label=Menu]"));
        Assert.Equal("/sign-in", layout.Find("header a.app-header__link").GetAttribute("href"));
    }

    private void SignIn(params RoleAssignment[] roles)
    {
        var access = new UserAccess(roles, new Dictionary<string, string> { ["5D7"] = "Q30", ["5D8"] = "Q30" });
        _user.SignedIn(new ActingUser("u1", "pct.5d7@demo.test", "Test user", access));
    }

    private IRenderedComponent<MainLayout> RenderLayout(bool interactive)
    {
        RenderFragment body = builder => builder.AddMarkupContent(0, "<h1>Page</h1>");
        return RenderInteractive<MainLayout>(parameters => parameters
            .AddCascadingValue(Routes.InteractivePage, interactive)
            .Add(p => p.Body, body));
    }
}
