using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

[Collection(SharedAppCollection.Name)]
public sealed class AdminPagesAccessTests(TransitionTrackerFactory factory)
{
    public static TheoryData<string> NonAdministrators =>
    [
        DemoAccountSeeder.National,
        DemoAccountSeeder.Regional("Q30"),
        DemoAccountSeeder.PctManager("5D7"),
        DemoAccountSeeder.ConsortiumLead("00G"),
    ];

    [Theory]
    [MemberData(nameof(NonAdministrators))]
    public async Task Non_administrators_get_404_for_every_admin_page_and_form(string email)
    {
        var client = factory.CreateClientFor(email);
        var someone = await UserIdAsync(DemoAccountSeeder.PctManager("5D7"));

        foreach (var url in new[] { "/admin/users", "/admin/users?page=2", "/admin/users/new", $"/admin/users/{someone}" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{email} GET {url}: {response.StatusCode}");
        }

        // A real antiforgery token, from the sign-out form every signed-in page carries.
        var (_, home) = await HtmlPage.GetAsync(client, "/");
        var token = home.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync("/admin/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "create-user",
            ["Input.Email"] = "sneaky@example.nhs.uk",
            ["Input.DisplayName"] = "Sneaky",
            ["Input.Password"] = "Sneaky-password-2010",
        }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await UserIdOrNullAsync("sneaky@example.nhs.uk"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task User_list_is_paged_fifty_at_a_time_with_roles_in_words_and_status()
    {
        var client = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var (response, first) = await HtmlPage.GetAsync(client, "/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Users", first.QuerySelector("h1")!.Text());
        Assert.Contains("375 users", first.QuerySelector("main")!.Text());
        Assert.Equal("/admin/users/new", first.QuerySelectorAll("a.app-create-user").Single(a => a.Text() == "Create a user").GetAttribute("href"));
        Assert.Equal(50, UserRows(first).Count);
        var pages = first.QuerySelector("nav[aria-label='Pages of users']")!;
        Assert.NotNull(pages.QuerySelector("button[aria-label='Page 2']"));
        Assert.NotNull(pages.QuerySelector("button[aria-label='Page 8']"));
        Assert.Null(pages.QuerySelector("button[aria-label='Page 9']"));

        var (_, last) = await HtmlPage.GetAsync(client, "/admin/users?page=8");
        Assert.Equal(25, UserRows(last).Count);
        Assert.True(last.QuerySelector("nav[aria-label='Pages of users'] button[aria-label='Next page']")!.HasAttribute("disabled"));

        var rows = new List<AngleSharp.Dom.IElement>();
        for (var page = 1; page <= 8; page++)
        {
            rows.AddRange(UserRows((await HtmlPage.GetAsync(client, $"/admin/users?page={page}")).Document));
        }

        Assert.Equal(375, rows.Select(r => r.QuerySelector("a")!.Text()).Distinct().Count());
        var manager = rows.Single(r => r.QuerySelector("a")!.Text() == DemoAccountSeeder.PctManager("5D7"));
        Assert.Equal("PCT manager – 5D7 Newcastle PCT", manager.Children[2].Text());
        Assert.Equal("Active", manager.Children[3].Text());
        Assert.StartsWith("/admin/users/", manager.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task User_list_is_searched_filtered_and_sorted_from_the_address()
    {
        var client = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var (_, searched) = await HtmlPage.GetAsync(client, "/admin/users?q=PCT.5D7");
        var (_, regional) = await HtmlPage.GetAsync(client, "/admin/users?role=regional-lead&sort=email&dir=desc");
        var (_, bad) = await HtmlPage.GetAsync(client, "/admin/users?role=king");

        var only = Assert.Single(UserRows(searched));
        Assert.Equal(DemoAccountSeeder.PctManager("5D7"), only.QuerySelector("a")!.Text());
        Assert.Contains("1 of 375 users match", searched.QuerySelector(".app-grid-summary")!.Text());
        var emails = UserRows(regional).Select(r => r.QuerySelector("a")!.Text()).ToList();
        Assert.Equal(10, emails.Count);
        Assert.All(UserRows(regional), r => Assert.StartsWith("Regional lead", r.Children[2].Text(), StringComparison.Ordinal));
        Assert.Equal(emails.OrderDescending(StringComparer.OrdinalIgnoreCase), emails);
        Assert.Contains("“king” is not a role", bad.QuerySelector(".app-query-note")!.Text());
        Assert.Equal(50, UserRows(bad).Count);
    }

    [Fact]
    public async Task Framework_list_shows_each_framework_with_its_versions_and_a_link_to_read_it()
    {
        var client = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var (response, page) = await HtmlPage.GetAsync(client, "/admin/frameworks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Readiness frameworks", page.QuerySelector("h1")!.Text());
        Assert.Equal("/admin/frameworks/upload", page.QuerySelector("a.app-upload-framework")!.GetAttribute("href"));
        var rows = page.BodyRows("Readiness frameworks");
        Assert.Equal(2, rows.Count);
        var gp = rows.Single(r => r.Children[0].Text().Contains("(gp-consortium-readiness-2010)", StringComparison.Ordinal));
        Assert.Equal("Status", gp.Children[1].Text());
        Assert.Equal("/api/frameworks/gp-consortium-readiness-2010?version=1", gp.QuerySelector("a.app-version-link")!.GetAttribute("href"));
        Assert.Equal("/admin/frameworks/gp-consortium-readiness-2010", gp.QuerySelector("a.app-framework-link")!.GetAttribute("href"));
        Assert.Equal("Levels", rows.Single(r => r != gp).Children[1].Text());
    }

    [Fact]
    public async Task A_frameworks_page_reads_its_settings_domains_and_criteria_and_says_when_a_version_does_not_exist()
    {
        var client = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var framework = Domain.Frameworks.ShippedFrameworks.DefaultFramework;

        var (response, page) = await HtmlPage.GetAsync(client, $"/admin/frameworks/{framework.Id}");
        var (_, missingVersion) = await HtmlPage.GetAsync(client, $"/admin/frameworks/{framework.Id}?version=7");
        var unknown = await client.GetAsync("/admin/frameworks/no-such-framework");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(framework.Name, page.QuerySelector("h1")!.Text());
        Assert.Equal(framework.Domains.Count, page.QuerySelectorAll(".app-framework-domains .mud-expand-panel").Length);
        Assert.Equal(framework.Criteria.Count, page.QuerySelectorAll(".app-framework-criteria li").Length);
        var first = framework.Criteria[0];
        Assert.Contains(first.Text, page.QuerySelector($"[data-criterion='{first.Id}']")!.Text(), StringComparison.Ordinal);
        Assert.Equal("There is no version “7” of this framework: this is the latest, version 1.", missingVersion.QuerySelector(".app-query-note")!.Text().Trim());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> UserRows(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".app-user-grid tbody tr").ToList();

    [Theory]
    [InlineData("/admin/users?page=9")]
    [InlineData("/admin/users?page=0")]
    [InlineData("/admin/users?page=two")]
    [InlineData("/admin/users/no-such-user")]
    public async Task Pages_and_users_that_do_not_exist_are_404(string url)
    {
        var client = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var (response, page) = await HtmlPage.GetAsync(client, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Text());
    }

    private async Task<string> UserIdAsync(string email) => await UserIdOrNullAsync(email) ?? throw new InvalidOperationException(email);

    private async Task<string?> UserIdOrNullAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleOrDefaultAsync();
    }
}
