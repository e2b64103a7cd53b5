using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Access;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Tests.Infrastructure;

/// <summary>An account of the app's database as the use cases take it: its roles and, for PCT managers, their PCTs' regions.</summary>
public static class DemoUsers
{
    public static Task<ActingUser> ActingAsync(TransitionTrackerFactory factory, string email) => ActingAsync(factory.Services, email);

    public static async Task<ActingUser> ActingAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TransitionTrackerDbContext>();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == user.Id).ToListAsync();
        var pcts = assignments.Where(a => a.Role == Role.PctManager).Select(a => a.ScopeCode!).ToList();
        var regions = await db.Pcts.AsNoTracking().Where(p => pcts.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.RegionCode);
        return new ActingUser(user.Id, email, user.DisplayName, new UserAccess(assignments, regions));
    }
}
