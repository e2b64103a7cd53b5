using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TransitionTracker.Application.Access;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Turns the request's cookie or token into the acting user once per request (<see cref="ActingUsers"/>: one query, or
/// the read cache when no data has changed). A user who has signed out, been disabled or deleted, or whose security
/// stamp has changed is treated as signed out at once (their cookie is removed), whatever cookie or token they present.
/// </summary>
public sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ActingUsers users, CurrentUser currentUser, AuditActor actor)
    {
        if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null)
        {
            var user = await users.FromPrincipalAsync(context.User, context.RequestAborted);
            if (user is null)
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (context.Request.Cookies.Count > 0)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
            else
            {
                currentUser.SignedIn(user);
                actor.Name = user.AuditName;
            }
        }

        await next(context);
    }
}
