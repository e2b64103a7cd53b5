using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Seeding;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

/// <summary>
/// Administrators managing users: what the use cases change is what the prerendered pages, the API and sign-in show;
/// each test has its own database. The editors themselves are tested live in UserPageTests and CreateUserPageTests.
/// </summary>
public sealed class UserAdministrationTests
{
    private const string NewEmail = "jo.bloggs@example.nhs.uk";
    private const string NewPassword = "Commissioning-2011";

    [Fact]
    public async Task A_user_created_has_their_page_and_is_listed_and_can_sign_in()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);

        var userUrl = await CreateUserAsync(factory);

        var (response, page) = await HtmlPage.GetAsync(admin, userUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jo Bloggs", page.QuerySelector("h1")!.Text());
        Assert.Equal(NewEmail, page.QuerySelector("#user-email")!.Text());
        Assert.Equal("Active", page.QuerySelector("#user-status")!.Text().Trim());
        Assert.Equal("No roles yet: they can sign in but see nothing.", page.QuerySelector("#no-roles")!.Text());
        Assert.Empty(page.QuerySelectorAll("main form"));

        var listed = await FindListedAsync(admin, NewEmail);
        Assert.Equal("Jo Bloggs", listed.Children[1].Text());
        Assert.Equal("No roles", listed.Children[2].Text());
        Assert.Equal("Active", listed.Children[3].Text());
        Assert.Equal(userUrl, listed.QuerySelector("a")!.GetAttribute("href"));

        Assert.False(string.IsNullOrEmpty(await SignedInClients.LogInAsync(factory, NewEmail, NewPassword)));
    }

    [Fact]
    public async Task A_pct_manager_scope_opens_that_pcts_consortia_only_until_it_is_removed()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var userUrl = await CreateUserAsync(factory);
        var userId = userUrl["/admin/users/".Length..];

        Assert.True((await AccountsAsync(factory, a => a.AssignRoleAsync(Admin(factory), userId, "PctManager", " 5d7 ", 0, CancellationToken.None))).IsSaved);

        var (_, page) = await HtmlPage.GetAsync(admin, userUrl);
        Assert.Equal(["PCT manager – 5D7 Newcastle PCT"], RoleRows(page));
        Assert.Equal("Remove PCT manager – 5D7 Newcastle PCT", page.QuerySelector(".app-user-roles button")!.GetAttribute("aria-label"));

        var manager = ClientWithToken(factory, await SignedInClients.LogInAsync(factory, NewEmail, NewPassword));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/consortia/00G")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/consortia/00C")).StatusCode);

        var assignmentId = int.Parse(page.QuerySelector(".app-user-roles tr[data-assignment]")!.GetAttribute("data-assignment")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((await AccountsAsync(factory, a => a.RemoveAssignmentAsync(Admin(factory), userId, assignmentId, 1, CancellationToken.None))).IsSaved);

        var (_, after) = await HtmlPage.GetAsync(admin, userUrl);
        Assert.Empty(RoleRows(after));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/consortia/00G")).StatusCode);
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

        var userId = userUrl["/admin/users/".Length..];

        Assert.True((await AccountsAsync(factory, a => a.DisableAsync(Admin(factory), userId, 0, CancellationToken.None))).IsSaved);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/consortia")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(factory, refreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LogInAsync(factory, lead, DemoAccountSeeder.DefaultPassword)).StatusCode);
        var (_, page) = await HtmlPage.GetAsync(admin, userUrl);
        Assert.Equal("Disabled", page.QuerySelector("#user-status")!.Text().Trim());
        Assert.Equal("Enable user", page.QuerySelector("#enable-user")!.Text().Trim());

        Assert.True((await AccountsAsync(factory, a => a.EnableAsync(Admin(factory), userId, 1, CancellationToken.None))).IsSaved);

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
        Assert.Null(own.QuerySelector("#disable-user"));
        Assert.Null(own.QuerySelector(".app-user-roles button"));
        Assert.Contains("Your own administrator role", own.QuerySelector(".app-user-roles")!.Text());

        // What an event from a tampered circuit would try: the page offers neither, and the use case refuses both.
        var disable = await AccountsAsync(factory, a => a.DisableAsync(Admin(factory), adminId, 0, CancellationToken.None));
        var assignmentId = await AssignmentIdAsync(factory, adminId, Role.Administrator);
        var remove = await AccountsAsync(factory, a => a.RemoveAssignmentAsync(Admin(factory), adminId, assignmentId, 0, CancellationToken.None));

        Assert.Equal(["You cannot disable your own account. Ask another administrator"], disable.Problems.Select(p => p.Message));
        Assert.Equal(["You cannot remove your own administrator role. Ask another administrator"], remove.Problems.Select(p => p.Message));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(assignmentId, await AssignmentIdAsync(factory, adminId, Role.Administrator));
    }

    [Fact]
    public async Task Every_change_is_audited_with_the_administrator_and_old_and_new_values()
    {
        using var factory = new TransitionTrackerFactory();
        var admin = factory.CreateClientFor(DemoAccountSeeder.Administrator);
        var lastAudit = await LastAuditIdAsync(factory);
        var userUrl = await CreateUserAsync(factory);
        var userId = userUrl["/admin/users/".Length..];
        var acting = Admin(factory);
        Assert.Equal(1, (await AccountsAsync(factory, a => a.AssignRoleAsync(acting, userId, "RegionalLead", "Q30", 0, CancellationToken.None))).Revision);
        var assignmentId = await AssignmentIdAsync(factory, userId, Role.RegionalLead);
        Assert.Equal(2, (await AccountsAsync(factory, a => a.RemoveAssignmentAsync(acting, userId, assignmentId, 1, CancellationToken.None))).Revision);
        Assert.Equal(3, (await AccountsAsync(factory, a => a.DisableAsync(acting, userId, 2, CancellationToken.None))).Revision);
        Assert.Equal(4, (await AccountsAsync(factory, a => a.EnableAsync(acting, userId, 3, CancellationToken.None))).Revision);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var entries = await db.AuditEntries.Where(e => e.Id > lastAudit).OrderBy(e => e.Id).ToListAsync();
        Assert.All(entries, e => Assert.Equal(DemoAccountSeeder.Administrator, e.Actor));
        Assert.Equal("TransitionTrackerUser Added", $"{entries[0].EntityType} {entries[0].Action}");

        // A role given or removed is one save with the user's new revision; the order of the entries within a save is the
        // change tracker's.
        Assert.Equal(
            ["RoleAssignment Added", "RoleAssignment Deleted", "TransitionTrackerUser Modified", "TransitionTrackerUser Modified", "TransitionTrackerUser Modified", "TransitionTrackerUser Modified"],
            entries.Skip(1).Select(e => $"{e.EntityType} {e.Action}").Order(StringComparer.Ordinal));

        var created = Changes(entries[0]);
        Assert.Equal(userId, entries[0].EntityKey);
        Assert.Equal((null, NewEmail), created["Email"]);
        Assert.Equal((null, "Jo Bloggs"), created["DisplayName"]);
        Assert.Equal((null, "(secret, changed)"), created["PasswordHash"]);

        var userChanges = entries.Skip(1).Where(e => e.EntityType == "TransitionTrackerUser").Select(Changes).ToList();
        Assert.Equal([("0", "1"), ("1", "2"), ("2", "3"), ("3", "4")], userChanges.Select(c => c["Revision"]));

        var givenEntry = entries.Single(e => e.EntityType == "RoleAssignment" && e.Action == "Added");
        var given = Changes(givenEntry);
        Assert.Equal(assignmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), givenEntry.EntityKey);
        Assert.Equal((null, "RegionalLead"), given["Role"]);
        Assert.Equal((null, "Q30"), given["ScopeCode"]);
        Assert.Equal((null, userId), given["UserId"]);

        var removed = Changes(entries.Single(e => e.EntityType == "RoleAssignment" && e.Action == "Deleted"));
        Assert.Equal(("RegionalLead", null), removed["Role"]);
        Assert.Equal(("Q30", null), removed["ScopeCode"]);

        Assert.Equal(("False", "True"), userChanges[2]["IsDisabled"]);
        Assert.Equal(("(secret)", "(secret, changed)"), userChanges[2]["SecurityStamp"]);
        Assert.Equal(("True", "False"), userChanges[3]["IsDisabled"]);
    }

    private static async Task<IElement> FindListedAsync(HttpClient admin, string email)
    {
        var (response, page) = await HtmlPage.GetAsync(admin, $"/admin/users?q={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(page.QuerySelectorAll(".app-user-grid tbody tr"), r => r.QuerySelector("a")!.Text() == email);
    }

    private static ActingUser Admin(TransitionTrackerFactory factory) => DemoUsers.ActingAsync(factory, DemoAccountSeeder.Administrator).GetAwaiter().GetResult();

    private static async Task<EditOutcome> AccountsAsync(TransitionTrackerFactory factory, Func<UserAccounts, Task<EditOutcome>> change)
    {
        using var scope = factory.Services.CreateScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAccounts>());
    }

    private static async Task<string> CreateUserAsync(TransitionTrackerFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<UserAccounts>().CreateAsync(Admin(factory), NewEmail, "Jo Bloggs", NewPassword, CancellationToken.None);
        Assert.True(created.IsSaved);
        return $"/admin/users/{created.Value}";
    }

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
