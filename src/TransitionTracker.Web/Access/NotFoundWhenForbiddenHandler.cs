using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace TransitionTracker.Web.Access;

/// <summary>
/// A signed-in user refused by a policy gets 404, as if the resource did not exist (docs/security.md, "Roles and
/// scopes"); anonymous users are still challenged (sign-in page, or 401 for the API).
/// </summary>
public sealed class NotFoundWhenForbiddenHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
