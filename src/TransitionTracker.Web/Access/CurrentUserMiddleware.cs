using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Loads the signed-in user's account and role assignments once per request, in one query. Nothing about users is
/// kept in the server's memory between requests, so any number of app instances can serve them. A user who has been
/// disabled or deleted is treated as signed out at once (their cookie is removed), whatever cookie or token they present.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TransitionTrackerDbContext db, CurrentUser currentUser, AuditActor actor)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            // One round trip: the account, its role assignments and the region of each managed PCT.
            var user = await db.Users.AsNoTracking()
                .Where(u => u.Id == userId)
                .Select(u => new
                {
                    u.Id,
                    u.Email,
                    u.DisplayName,
                    u.IsDisabled,
                    Assignments = db.RoleAssignments
                        .Where(a => a.UserId == u.Id)
                        .Select(a => new
                        {
                            Assignment = a,
                            PctRegion = a.Role == Role.PctManager ? db.Pcts.Where(p => p.Code == a.ScopeCode).Select(p => p.RegionCode).FirstOrDefault() : null,
                        })
                        .ToList(),
                })
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
                var pctRegions = user.Assignments
                    .Where(a => a.PctRegion is not null)
                    .ToDictionary(a => a.Assignment.ScopeCode!, a => a.PctRegion!, StringComparer.Ordinal);
                var assignments = user.Assignments.Select(a => a.Assignment);
                currentUser.SignedIn(user.Id, user.Email ?? "", user.DisplayName, new UserAccess(assignments, pctRegions));
                actor.Name = user.Email ?? user.Id;
            }
        }

        await next(context);
    }
}
