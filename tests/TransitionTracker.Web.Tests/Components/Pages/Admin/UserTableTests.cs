using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using TransitionTracker.Application.Administration;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Components.Pages.Admin;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Components.Pages.Admin;

public sealed class UserTableTests : MudComponentContext
{
    private static readonly UserSummary[] Users =
    [
        new("u1", "admin@demo.test", "Ada Admin", [new AssignmentSummary(1, Role.Administrator, null, "Administrator")], UserStatus.Active, 0),
        new("u2", "lead@demo.test", "Lee Lead",
            [new AssignmentSummary(2, Role.RegionalLead, "Q30", "Regional lead – Q30 North East"), new AssignmentSummary(3, Role.NationalViewer, null, "National viewer")],
            UserStatus.Disabled, 3),
        new("u3", "new@demo.test", "Nia New", [], UserStatus.Active, 0),
    ];

    private readonly List<UserListQuery> _asked = [];

    [Fact]
    public void Shows_each_user_with_a_link_roles_in_words_and_status()
    {
        var table = Render(new UserListQuery(Page: 2), new UserListing(Users, 2, 8, 375, 375));

        var rows = table.FindAll("tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Equal("/admin/users/u1", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Regional lead – Q30 North East", "National viewer"], rows[1].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("No roles", rows[2].Children[2].TextContent.Trim());
        Assert.Equal("Disabled", rows[1].QuerySelector(".app-user-status")!.TextContent.Trim());
        Assert.Equal("375 users. Showing 51 to 53, page 2 of 8.", table.Find(".app-grid-summary").TextContent.Trim());
    }

    [Fact]
    public async Task Choosing_a_role_or_a_status_asks_for_the_first_page_of_those_users()
    {
        var query = new UserListQuery(Search: "lead", Page: 3);
        var table = Render(query, new UserListing(Users, 3, 3, 120, 375));

        Assert.Equal("Role", table.Find("label[for=role-filter]").TextContent);
        Assert.Equal(["", .. UserListQuery.Roles.Select(r => r.Key)], table.FindAll("#role-filter option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Any role", table.Find("#role-filter option").TextContent);
        Assert.Equal(["Any status", "Active", "Disabled"], table.FindAll("#status-filter option").Select(o => o.TextContent));
        await table.Find("#role-filter").ChangeAsync(new ChangeEventArgs { Value = "regional-lead" });
        await table.Find("#status-filter").ChangeAsync(new ChangeEventArgs { Value = "disabled" });
        await table.Find("#role-filter").ChangeAsync(new ChangeEventArgs { Value = "" });

        Assert.Equal(
            [
                query with { Role = Role.RegionalLead, Page = 1 },
                query with { Status = UserStatus.Disabled, Page = 1 },
                query with { Page = 1 },
            ],
            _asked);
        Assert.Contains("120 of 375 users match", table.Find(".app-grid-summary").TextContent);
    }

    [Fact]
    public void Sorting_by_name_and_choosing_a_page_ask_for_them()
    {
        var query = new UserListQuery(Role: Role.NationalViewer);
        var table = Render(query, new UserListing(Users, 1, 8, 375, 375));

        table.FindAll("th").Single(th => th.TextContent.Contains("Name")).QuerySelector("button[aria-label=Sort]")!.Click();
        table.Find("nav[aria-label='Pages of users'] button[aria-label='Page 2']").Click();

        Assert.Equal([query with { Sort = "name" }, query with { Page = 2 }], _asked);
    }

    [Fact]
    public void A_search_that_matches_nobody_says_so()
    {
        var table = Render(new UserListQuery(Search: "nobody"), new UserListing([], 1, 1, 0, 375));

        Assert.Contains("No user matches this search.", table.Find("tbody").TextContent);
        Assert.Equal("0 of 375 users match.", table.Find(".app-grid-summary").TextContent.Trim());
        Assert.Empty(table.FindAll("nav[aria-label='Pages of users']"));
    }

    [Fact]
    public void The_export_links_download_every_user_the_search_role_status_and_sort_find()
    {
        var table = Render(new UserListQuery(Search: "lead", Role: Role.RegionalLead, Status: UserStatus.Active, Sort: "name", Descending: true, Page: 2), new UserListing(Users, 2, 8, 375, 400));

        Assert.Equal("/admin/users.csv?q=lead&role=regional-lead&status=active&sort=name&dir=desc", table.Find("#export-users").GetAttribute("href"));
        Assert.Equal("/admin/users.xlsx?q=lead&role=regional-lead&status=active&sort=name&dir=desc", table.Find("#export-users-xlsx").GetAttribute("href"));
        Assert.Contains("these 375 users", table.Find("[data-export=export-users]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<UserTable> Render(UserListQuery query, UserListing listing) =>
        RenderInteractive<UserTable>(p => p
            .Add(t => t.Listing, listing)
            .Add(t => t.Query, query)
            .Add(t => t.QueryChanged, asked => _asked.Add(asked)));
}
