using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Administration;
using TransitionTracker.Application.Editing;
using TransitionTracker.Data;
using TransitionTracker.Data.Seeding;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>
/// What the user pages' buttons do, done directly through their use case as the demo administrator, for tests that
/// need a user changed and test something else (sign-in, sessions). The pages themselves are tested live with bunit.
/// </summary>
public static class AdminAccounts
{
    public static async Task<EditOutcome> ChangeAsync(IServiceProvider services, Func<UserAccounts, ActingUser, Task<EditOutcome>> change)
    {
        var admin = await DemoUsers.ActingAsync(services, DemoAccountSeeder.Administrator);
        using var scope = services.CreateScope();
        return await change(scope.ServiceProvider.GetRequiredService<UserAccounts>(), admin);
    }

    public static async Task DisableAsync(IServiceProvider services, string email)
    {
        var id = await UserIdAsync(services, email);
        var revision = await RevisionAsync(services, id);
        var outcome = await ChangeAsync(services, (accounts, admin) => accounts.DisableAsync(admin, id, revision, CancellationToken.None));
        if (!outcome.IsSaved)
        {
            throw new InvalidOperationException($"{email} was not disabled: {outcome.Status}.");
        }
    }

    public static async Task EnableAsync(IServiceProvider services, string email)
    {
        var id = await UserIdAsync(services, email);
        var revision = await RevisionAsync(services, id);
        var outcome = await ChangeAsync(services, (accounts, admin) => accounts.EnableAsync(admin, id, revision, CancellationToken.None));
        if (!outcome.IsSaved)
        {
            throw new InvalidOperationException($"{email} was not enabled: {outcome.Status}.");
        }
    }

    public static async Task<string> UserIdAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    /// <summary>The user's revision as stored now, which a change to them is based on.</summary>
    public static async Task<int> RevisionAsync(IServiceProvider services, string userId)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>().Users.Where(u => u.Id == userId).Select(u => u.Revision).SingleAsync();
    }
}
