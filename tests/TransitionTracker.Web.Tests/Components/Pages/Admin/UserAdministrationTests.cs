using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

/// <summary>Administrators managing users through the real forms; each test has its own database.</summary>
public sealed class UserAdministrationTests
{
    private const string NewEmail = "jo.bloggs@example.nhs.uk";
    private const string NewPassword = "Commissioning-2011";

    [Fact]
    public async Task Creating_a_user_shows_their_page_with_a_success_banner_and_lists_them()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var response = await AdminForm.SubmitAsync(admin, "/admin/users/new", "create-user",
            ("Input.Email", $"  {NewEmail} "), ("Input.DisplayName", "Jo Bloggs"), ("Input.Password", NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = RedirectPath(response);
        Assert.Matches("^/admin/users/[^/?]+\\?done=created$", location);
        var (_, page) = await HtmlPage.GetAsync(admin, location);
        Assert.Equal("Jo Bloggs", page.QuerySelector("h1")!.Text());
        Assert.Contains("User created", page.QuerySelector(".nhsuk-notification-banner--success")!.Text());
        Assert.Contains(NewEmail, page.QuerySelector(".nhsuk-summary-list")!.Text());

        var listed = await FindListedAsync(admin, NewEmail);
        Assert.Equal("Jo Bloggs", listed.Children[1].Text());
        Assert.Equal("No roles", listed.Children[2].Text());
        Assert.Equal("Active", listed.Children[3].Text());
        Assert.Equal(location[..location.IndexOf('?')], listed.QuerySelector("a")!.GetAttribute("href"));

        Assert.False(string.IsNullOrEmpty(await SignedInClients.LogInAsync(factory, NewEmail, NewPassword)));
    }

    [Fact]
    public async Task Create_form_shows_every_problem_and_keeps_what_was_typed_except_the_password()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var before = await UserCountAsync(factory);

        var response = await AdminForm.SubmitAsync(admin, "/admin/users/new", "create-user",
            ("Input.Email", "jo.bloggs at nhs"), ("Input.DisplayName", "Jo Bloggs"), ("Input.Password", "short"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(
            ["Enter an email address in the correct format, like name@example.nhs.uk", "Password must be 12 characters or more"],
            SummaryErrors(page));
        Assert.Equal(["#email", "#password"], page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal("jo.bloggs at nhs", page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal("Jo Bloggs", page.QuerySelector("#display-name")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#password")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#password-error"));

        var empty = await AdminForm.SubmitAsync(admin, "/admin/users/new", "create-user");
        var emptyPage = await HtmlPage.ParseAsync(await empty.Content.ReadAsStringAsync());
        Assert.Equal(["Enter an email address", "Enter the user's name", "Enter a password"], SummaryErrors(emptyPage));

        Assert.Equal(before, await UserCountAsync(factory));
    }

    [Fact]
    public async Task A_second_user_with_the_same_email_in_any_case_is_refused()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var before = await UserCountAsync(factory);

        var response = await AdminForm.SubmitAsync(admin, "/admin/users/new", "create-user",
            ("Input.Email", "PCT.5D7@demo.test"), ("Input.DisplayName", "Someone else"), ("Input.Password", NewPassword));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(["A user with the email address PCT.5D7@demo.test already exists"], SummaryErrors(page));
        Assert.Equal("PCT.5D7@demo.test", page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.Equal(before, await UserCountAsync(factory));
    }

    [Fact]
    public async Task A_pct_manager_scope_opens_that_pcts_consortia_only_until_it_is_removed()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var userUrl = await CreateUserAsync(admin);

        var given = await AdminForm.SubmitAsync(admin, userUrl, "assign-role", ("Assignment.Role", "PctManager"), ("Assignment.ScopeCode", " 5d7 "));

        Assert.Equal(HttpStatusCode.Redirect, given.StatusCode);
        Assert.Equal($"{userUrl}?done=role-given", RedirectPath(given));
        var (_, page) = await HtmlPage.GetAsync(admin, RedirectPath(given));
        Assert.Contains("Role given", page.QuerySelector(".nhsuk-notification-banner--success")!.Text());
        Assert.Equal(["PCT manager – 5D7 Newcastle PCT"], RoleRows(page));
        Assert.Equal(userUrl, AdminForm.Find(page, "assign-role").GetAttribute("action"));

        var manager = ClientWithToken(factory, await SignedInClients.LogInAsync(factory, NewEmail, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/consortia/00G")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/consortia/00C")).StatusCode);

        var assignmentId = AdminForm.Find(page, "remove-role").QuerySelector("button[name=AssignmentId]")!.GetAttribute("value")!;
        var removed = await AdminForm.SubmitAsync(admin, userUrl, "remove-role", ("AssignmentId", assignmentId));

        Assert.Equal($"{userUrl}?done=role-removed", RedirectPath(removed));
        var (_, after) = await HtmlPage.GetAsync(admin, RedirectPath(removed));
        Assert.Empty(RoleRows(after));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/consortia/00G")).StatusCode);
    }

    [Theory]
    [InlineData("", "", "Select a role")]
    [InlineData("PctManager", "ZZ9", "There is no PCT with the code ZZ9")]
    [InlineData("PctManager", "5D7!", "Enter a PCT code using only letters and numbers, like 5D7")]
    [InlineData("ConsortiumLead", "", "Enter the code of the consortium they lead, like 00G")]
    [InlineData("RegionalLead", "5D7", "There is no region with the code 5D7")]
    [InlineData("NationalViewer", "Q30", "Leave the code empty: a national viewer covers the whole country")]
    [InlineData("Administrator", "Q30", "Leave the code empty: an administrator covers the whole country")]
    [InlineData("PctManager", "5d7", "This user is already a PCT manager for 5D7")]
    public async Task Giving_a_role_refuses_bad_scopes_and_duplicates_and_changes_nothing(string role, string scope, string error)
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var userId = await UserIdAsync(factory, DemoAccountSeeder.PctManager("5D7"));
        var lastAudit = await LastAuditIdAsync(factory);

        var response = await AdminForm.SubmitAsync(admin, $"/admin/users/{userId}", "assign-role", ("Assignment.Role", role), ("Assignment.ScopeCode", scope));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await HtmlPage.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal([error], SummaryErrors(page));
        Assert.Equal(scope, page.QuerySelector("#scope-code")!.GetAttribute("value") ?? "");
        if (role.Length > 0)
        {
            Assert.Equal(role, page.QuerySelector("input[name='Assignment.Role'][checked]")!.GetAttribute("value"));
        }

        using var scopeOfServices = factory.Services.CreateScope();
        var db = scopeOfServices.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        Assert.Equal(["PctManager 5D7"], await db.RoleAssignments.Where(a => a.UserId == userId).Select(a => a.Role + " " + a.ScopeCode).ToListAsync());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Id > lastAudit));
    }

    [Fact]
    public async Task Disabling_a_user_refuses_their_token_at_once_and_their_sign_in_until_enabled()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var lead = DemoAccountSeeder.ConsortiumLead("00G");
        var userUrl = $"/admin/users/{await UserIdAsync(factory, lead)}";
        var tokens = await (await LogInAsync(factory, lead, DemoAccountSeeder.DefaultPassword)).Content.ReadFromJsonAsync<JsonElement>();
        var client = ClientWithToken(factory, tokens.GetProperty("accessToken").GetString()!);
        var refreshToken = tokens.GetProperty("refreshToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/consortia")).StatusCode);

        var disabled = await AdminForm.SubmitAsync(admin, userUrl, "user-access", ("Change", "disable"));

        Assert.Equal($"{userUrl}?done=disabled", RedirectPath(disabled));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(factory, refreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(factory, lead, DemoAccountSeeder.DefaultPassword)).StatusCode);
        var (_, page) = await HtmlPage.GetAsync(admin, RedirectPath(disabled));
        Assert.Equal("Disabled", page.QuerySelector(".nhsuk-summary-list .nhsuk-tag")!.Text());
        Assert.Contains("User disabled", page.QuerySelector(".nhsuk-notification-banner--success")!.Text());

        var enabled = await AdminForm.SubmitAsync(admin, userUrl, "user-access", ("Change", "enable"));

        Assert.Equal($"{userUrl}?done=enabled", RedirectPath(enabled));
        Assert.Equal(HttpStatusCode.OK, (await LogInAsync(factory, lead, DemoAccountSeeder.DefaultPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(factory, refreshToken)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_disable_themselves_or_remove_their_own_administrator_role()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var adminId = await UserIdAsync(factory, DemoAccountSeeder.Administrator);
        var ownUrl = $"/admin/users/{adminId}";
        var (_, own) = await HtmlPage.GetAsync(admin, ownUrl);
        Assert.Null(AdminForm.Find(own, "user-access").QuerySelector("button"));
        Assert.Null(AdminForm.Find(own, "remove-role").QuerySelector("button"));

        // What a hand-made request would try: the page offers neither.
        var disable = await AdminForm.SubmitAsync(admin, ownUrl, "user-access", ("Change", "disable"));
        var assignmentId = await AssignmentIdAsync(factory, adminId, Role.Administrator);
        var remove = await AdminForm.SubmitAsync(admin, ownUrl, "remove-role", ("AssignmentId", assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(["You cannot disable your own account. Ask another administrator"], SummaryErrors(await HtmlPage.ParseAsync(await disable.Content.ReadAsStringAsync())));
        Assert.Equal(["You cannot remove your own administrator role. Ask another administrator"], SummaryErrors(await HtmlPage.ParseAsync(await remove.Content.ReadAsStringAsync())));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(assignmentId, await AssignmentIdAsync(factory, adminId, Role.Administrator));
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_administrator_and_old_and_new_values()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var lastAudit = await LastAuditIdAsync(factory);
        var userUrl = await CreateUserAsync(admin);
        var userId = userUrl["/admin/users/".Length..];
        await AdminForm.SubmitAsync(admin, userUrl, "assign-role", ("Assignment.Role", "RegionalLead"), ("Assignment.ScopeCode", "Q30"));
        var assignmentId = await AssignmentIdAsync(factory, userId, Role.RegionalLead);
        await AdminForm.SubmitAsync(admin, userUrl, "remove-role", ("AssignmentId", assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await AdminForm.SubmitAsync(admin, userUrl, "user-access", ("Change", "disable"));
        await AdminForm.SubmitAsync(admin, userUrl, "user-access", ("Change", "enable"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Id > lastAudit).OrderBy(e => e.Id).ToListAsync();
        Assert.All(entries, e => Assert.Equal(DemoAccountSeeder.Administrator, e.Actor));
        Assert.Equal(
            ["TransitionTrackerUser Added", "RoleAssignment Added", "RoleAssignment Deleted", "TransitionTrackerUser Modified", "TransitionTrackerUser Modified"],
            entries.Select(e => $"{e.EntityType} {e.Action}"));

        var created = Changes(entries[0]);
        Assert.Equal(userId, entries[0].EntityKey);
        Assert.Equal((null, NewEmail), created["Email"]);
        Assert.Equal((null, "Jo Bloggs"), created["DisplayName"]);
        Assert.Equal((null, "(secret, changed)"), created["PasswordHash"]);

        var given = Changes(entries[1]);
        Assert.Equal(assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), entries[1].EntityKey);
        Assert.Equal((null, "RegionalLead"), given["Role"]);
        Assert.Equal((null, "Q30"), given["ScopeCode"]);
        Assert.Equal((null, userId), given["UserId"]);

        var removed = Changes(entries[2]);
        Assert.Equal(("RegionalLead", null), removed["Role"]);
        Assert.Equal(("Q30", null), removed["ScopeCode"]);

        Assert.Equal(("False", "True"), Changes(entries[3])["IsDisabled"]);
        Assert.Equal(("(secret)", "(secret, changed)"), Changes(entries[3])["SecurityStamp"]);
        Assert.Equal(("True", "False"), Changes(entries[4])["IsDisabled"]);
    }

    private static async Task<string> CreateUserAsync(HttpClient admin)
    {
        var response = await AdminForm.SubmitAsync(admin, "/admin/users/new", "create-user",
            ("Input.Email", NewEmail), ("Input.DisplayName", "Jo Bloggs"), ("Input.Password", NewPassword));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = RedirectPath(response);
        return location[..location.IndexOf('?')];
    }

    private static async Task<IElement> FindListedAsync(HttpClient admin, string email)
    {
        var (response, page) = await HtmlPage.GetAsync(admin, $"/admin/users?q={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(page.QuerySelectorAll(".app-user-grid tbody tr"), r => r.QuerySelector("a")!.Text() == email);
    }

    // Blazor redirects to absolute addresses on this host.
    private static string RedirectPath(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    private static List<string> SummaryErrors(IDocument page) =>
        page.QuerySelectorAll(".nhsuk-error-summary__list li").Select(li => li.Text()).ToList();

    private static List<string> RoleRows(IDocument page) =>
        page.QuerySelectorAll("table").Where(t => t.QuerySelector("caption")?.Text() == "Roles")
            .SelectMany(t => t.QuerySelectorAll("tbody tr"))
            .Select(r => r.Children[0].Text())
            .ToList();

    private static Dictionary<string, (string? Old, string? New)> Changes(AuditEntry entry) =>
        JsonSerializer.Deserialize<List<FieldChange>>(entry.Changes, JsonSerializerOptions.Web)!.ToDictionary(c => c.Field, c => (c.Old, c.New));

    private static HttpClient ClientWithToken(TransitionTrackerFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpResponseMessage> LogInAsync(TransitionTrackerFactory factory, string email, string password)
    {
        using var client = factory.CreateClient();
        return await client.PostAsJsonAsync("/api/identity/login", new { email, password });
    }

    private static async Task<HttpResponseMessage> RefreshAsync(TransitionTrackerFactory factory, string refreshToken)
    {
        using var client = factory.CreateClient();
        return await client.PostAsJsonAsync("/api/identity/refresh", new { refreshToken });
    }

    private static async Task<long> LastAuditIdAsync(TransitionTrackerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    private static async Task<int> UserCountAsync(TransitionTrackerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.CountAsync();
    }

    private static async Task<string> UserIdAsync(TransitionTrackerFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> AssignmentIdAsync(TransitionTrackerFactory factory, string userId, Role role)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().RoleAssignments
            .Where(a => a.UserId == userId && a.Role == role).Select(a => a.Id).SingleAsync();
    }
}
