using Microsoft.EntityFrameworkCore;
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

        var listing = await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, 1, CancellationToken.None));

        Assert.NotNull(listing);
        Assert.Equal(total, listing.TotalUsers);
        Assert.Equal(Math.Min(total, UserDirectory.PageSize), listing.Users.Count);
        Assert.Equal(listing.Users.Select(u => u.Email.ToUpperInvariant()).Order(StringComparer.Ordinal), listing.Users.Select(u => u.Email.ToUpperInvariant()));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, listing.PageCount + 1, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(admin, 0, CancellationToken.None)));
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

        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(national, 1, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserListing?>(d => d.ListAsync(null, 1, CancellationToken.None)));
        Assert.Null(await _host.RunAsync<UserDirectory, UserDetail?>(d => d.GetAsync(national, national.Id, CancellationToken.None)));
    }
}
