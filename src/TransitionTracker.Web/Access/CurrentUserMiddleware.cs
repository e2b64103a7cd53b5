using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Loads the signed-in user's account and role assignments once per request. A user who has been disabled or
/// deleted is treated as signed out at once (their cookie is removed), whatever cookie or token they present.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TransitionTrackerDbContext db, CurrentUser currentUser, AuditActor actor)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled })
                .SingleOrDefaultAsync(context.RequestAborted);
            if (user is null || user.IsDisabled)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.Count > 0)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
            else
            {
                var assignments = await db.RoleAssignments.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(context.RequestAborted);
                var managed = assignments.Where(a => a.Role == Role.PctManager).Select(a => a.ScopeCode!).ToList();
                var pctRegions = managed.Count == 0
                    ? new Dictionary<string, string>()
                    : await db.Pcts.AsNoTracking().Where(p => managed.Contains(p.Code)).ToDictionaryAsync(p => p.Code, p => p.RegionCode, context.RequestAborted);
                currentUser.SignedIn(user.Id, user.Email ?? "", user.DisplayName, new UserAccess(assignments, pctRegions));
                actor.Name = user.Email ?? user.Id;
            }
        }

        await next(context);
    }
}
