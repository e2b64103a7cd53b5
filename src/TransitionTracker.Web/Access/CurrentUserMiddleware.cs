using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Domain.Access;
using TransitionTracker.Web.Infrastructure.Caching;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Loads the signed-in user's account, role assignments and session once per request, in one query, or from the read
/// cache when no data has changed since (which each request checks with the database, so any number of app instances
/// can serve the same users). The cookie or token is accepted only while its session is open and the security stamp
/// it carries is the account's: a user who has signed out, been disabled or deleted, or whose stamp has changed is
/// treated as signed out at once (their cookie is removed), whatever cookie or token they present.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TransitionTrackerDbContext db, CurrentUser currentUser, AuditActor actor, CachedReads reads, IOptions<IdentityOptions> identity)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null)
        {
            var sessionId = context.User.FindFirstValue(SessionStore.ClaimType) ?? "";
            var securityStamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var user = await reads.GetAsync((nameof(CurrentUserMiddleware), userId, sessionId), ct => LoadAsync(db, userId, sessionId, ct), context.RequestAborted);
            if (user is null || user.IsDisabled || !user.SessionOpen || user.SecurityStamp != securityStamp)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.Count > 0)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
            else
            {
                currentUser.SignedIn(user.Id, user.Email ?? "", user.DisplayName, user.Access);
                actor.Name = user.Email ?? user.Id;
            }
        }

        await next(context);
    }

    // One round trip: the account, whether the session is open, its role assignments and the region of each managed
    // PCT. Kept in the read cache while the data is unchanged: disabling a user, changing their roles and ending a
    // session are changes like any other.
    private static async Task<KnownUser?> LoadAsync(TransitionTrackerDbContext db, string userId, string sessionId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.IsDisabled,
                u.SecurityStamp,
                SessionOpen = db.UserSessions.Any(s => s.Id == sessionId && s.UserId == u.Id && s.EndedAtUtc == null),
                Assignments = db.RoleAssignments
                    .Where(a => a.UserId == u.Id)
                    .Select(a => new
                    {
                        Assignment = a,
                        PctRegion = a.Role == Role.PctManager ? db.Pcts.Where(p => p.Code == a.ScopeCode).Select(p => p.RegionCode).FirstOrDefault() : null,
                    })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var pctRegions = user.Assignments
            .Where(a => a.PctRegion is not null)
            .ToDictionary(a => a.Assignment.ScopeCode!, a => a.PctRegion!, StringComparer.Ordinal);
        var access = new UserAccess(user.Assignments.Select(a => a.Assignment), pctRegions);
        return new KnownUser(user.Id, user.Email, user.DisplayName, user.IsDisabled, user.SecurityStamp, user.SessionOpen, access);
    }

    private sealed record KnownUser(string Id, string? Email, string DisplayName, bool IsDisabled, string? SecurityStamp, bool SessionOpen, UserAccess Access);
}
