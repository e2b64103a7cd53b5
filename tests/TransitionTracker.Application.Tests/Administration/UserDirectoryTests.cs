using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Tests.Administration;

/// <summary>The administrator's list of users and one user's detail: administrators only, each role's scope in words.</summary>
public sealed class UserDirectoryTests : IAsyncLifetime
{
    private readonly ApplicationHost _host = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_administrator_lists_users_in_email_order_a_page_at_a_time()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        await using var db = _host.OpenContext();
        var total = await db.Users.CountAsync();

        var listing = await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, new UserListQuery(), CancellationToken.None));

        Assert.NotNull(listing);
        Assert.Equal(total, listing.TotalUsers);
        Assert.Equal(total, listing.MatchingUsers);
        Assert.Equal(Math.Min(total, UserDirectory.PageSize), listing.Users.Count);
        Assert.Equal(listing.Users.Select(u => u.Email.ToUpperInvariant()).Order(StringComparer.Ordinal), listing.Users.Select(u => u.Email.ToUpperInvariant()));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, new UserListQuery(Page: listing.PageCount + 1), CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, new UserListQuery(Page: 0), CancellationToken.None)));
    }

    [Fact]
    public async Task An_administrator_reads_a_user_with_each_role_described()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var manager = await _host.UserAsync(Demo.PctManager);

        var detail = await _host.RunAsync<UserDirectory, UserDetail?>(d => d.GetAsync(admin, manager.Id, CancellationToken.None));

        Assert.NotNull(detail);
        Assert.Equal(Demo.PctManager, detail.Email);
        Assert.Equal(UserStatus.Active, detail.Status);
        var role = Assert.Single(detail.Assignments);
        Assert.Equal(Role.PctManager, role.Role);
        Assert.StartsWith("PCT manager – 5D7 ", role.Description, StringComparison.Ordinal);
        Assert.Null(await _host.RunAsync<UserDirectory, UserDetail?>(d => d.GetAsync(admin, "no-such-user", CancellationToken.None)));
    }

    [Fact]
    public async Task Anyone_but_an_administrator_reads_nothing()
    {
        var national = await _host.UserAsync(Demo.National);

        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(national, new UserListQuery(), CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(null, new UserListQuery(), CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserDetail?>(d => d.GetAsync(national, national.Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Scopes_are_found_among_the_organisations_of_the_roles_kind_by_code_or_name()
    {
        var admin = await _host.UserAsync(Demo.Administrator);

        var pcts = await FindScopesAsync(admin, Role.PctManager, "newcastle");
        var regions = await FindScopesAsync(admin, Role.RegionalLead, "q30");
        var consortia = await FindScopesAsync(admin, Role.ConsortiumLead, " 00g ");
        var first = await FindScopesAsync(admin, Role.PctManager, "");

        Assert.Contains(pcts, o => o.Code == "5D7" && o.ToString() == $"{o.Name} (5D7)");
        Assert.All(pcts, o => Assert.Contains("NEWCASTLE", o.Name.ToUpperInvariant(), StringComparison.Ordinal));
        Assert.Equal("Q30", regions[0].Code);
        Assert.Equal("00G", consortia[0].Code);
        Assert.DoesNotContain(consortia, o => o.Code == "Q30" || o.Code == "5D7");
        Assert.InRange(first.Count, 1, UserDirectory.ScopeOptionLimit);
        Assert.Empty(await FindScopesAsync(admin, Role.PctManager, "%"));
    }

    [Fact]
    public async Task Scopes_are_found_for_administrators_and_scoped_roles_only()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        var national = await _host.UserAsync(Demo.National);

        Assert.Empty(await FindScopesAsync(national, Role.PctManager, "5D7"));
        Assert.Empty(await FindScopesAsync(null, Role.RegionalLead, "Q30"));
        Assert.Empty(await FindScopesAsync(admin, Role.NationalViewer, "Q30"));
        Assert.Empty(await FindScopesAsync(admin, Role.Administrator, ""));
    }

    private Task<IReadOnlyList<ScopeOption>> FindScopesAsync(ActingUser? user, Role role, string text) =>
        _host.RunAsync<UserDirectory, IReadOnlyList<ScopeOption>>(d => d.FindScopesAsync(user, role, text, CancellationToken.None));

    [Fact]
    public async Task An_administrator_searches_users_by_email_or_name_ignoring_case()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        await using (var db = _host.OpenContext())
        {
            var manager = await db.Users.SingleAsync(u => u.Email == Demo.PctManager);
            manager.DisplayName = "Jo Quixotic";
            await db.SaveChangesAsync();
        }

        var byEmail = await ListAsync(admin, new UserListQuery(Search: Demo.PctManager.ToUpperInvariant()));
        var byName = await ListAsync(admin, new UserListQuery(Search: "quixotic"));
        var none = await ListAsync(admin, new UserListQuery(Search: "%"));

        Assert.Equal([Demo.PctManager], byEmail.Users.Select(u => u.Email));
        Assert.Equal([Demo.PctManager], byName.Users.Select(u => u.Email));
        Assert.Equal((1, 1), (byName.MatchingUsers, byName.PageCount));
        Assert.True(byName.TotalUsers > 1);
        Assert.Empty(none.Users);
        Assert.Equal((0, 1, 1), (none.MatchingUsers, none.PageCount, none.PageNumber));
    }

    [Fact]
    public async Task An_administrator_filters_users_by_role_and_status_and_sorts_them()
    {
        var admin = await _host.UserAsync(Demo.Administrator);
        await using (var db = _host.OpenContext())
        {
            var lead = await db.Users.SingleAsync(u => u.Email == Demo.RegionalLead);
            lead.IsDisabled = true;
            await db.SaveChangesAsync();
        }

        var regional = await ListAsync(admin, new UserListQuery(Role: Role.RegionalLead));
        var disabled = await ListAsync(admin, new UserListQuery(Status: UserStatus.Disabled));
        var activeRegional = await ListAsync(admin, new UserListQuery(Role: Role.RegionalLead, Status: UserStatus.Active));
        var statusFirst = await ListAsync(admin, new UserListQuery(Sort: "status", Descending: true));
        var byName = await ListAsync(admin, new UserListQuery(Sort: "name", Descending: true));

        Assert.Contains(Demo.RegionalLead, regional.Users.Select(u => u.Email));
        Assert.All(regional.Users, u => Assert.Contains(u.Assignments, a => a.Role == Role.RegionalLead));
        Assert.Equal([Demo.RegionalLead], disabled.Users.Select(u => u.Email));
        Assert.Equal(regional.MatchingUsers - 1, activeRegional.MatchingUsers);
        Assert.Equal(Demo.RegionalLead, statusFirst.Users[0].Email);
        var names = byName.Users.Select(u => u.DisplayName.ToUpperInvariant()).ToList();
        Assert.Equal(names.OrderDescending(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Query_string_values_of_the_user_list_are_read_ignoring_case_and_bad_ones_dropped_with_a_note_each()
    {
        var (good, none) = UserListQuery.Parse(" jo ", "Regional-Lead", "DISABLED", "Name", "desc");
        var (dropped, notes) = UserListQuery.Parse(new string('x', 101), "king", "asleep", "colour", "up");

        Assert.Empty(none);
        Assert.Equal(new UserListQuery("jo", Role.RegionalLead, UserStatus.Disabled, "name", true), good);
        Assert.Equal(new UserListQuery(), dropped);
        Assert.Equal(5, notes.Count);
        Assert.Contains(notes, n => n.Contains("“king” is not a role", StringComparison.Ordinal));
    }

    private async Task<UserListing> ListAsync(ActingUser admin, UserListQuery query) =>
        await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, query, CancellationToken.None))
        ?? throw new InvalidOperationException("No such page.");
}
