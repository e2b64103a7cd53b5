using Microsoft.AspNetCore.Authorization;
using RouteData = Microsoft.AspNetCore.Components.RouteData;
using TransitionTracker.Application.Access;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Lets a page or endpoint through when the current user may read, edit or review the region, PCT or consortium the
/// request is about (the route value <c>code</c>, from the request or, on an interactive page, from its
/// <see cref="RouteData"/>). The decision is the application's (<see cref="OrganisationScope"/>),
/// the same one each use case makes again: unknown codes fail exactly like codes out of scope.
/// </summary>
public sealed class OrganisationAccessHandler(CurrentUser currentUser, OrganisationScope scope)
    : AuthorizationHandler<OrganisationAccessRequirement>
{
    public const string RouteValue = "code";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganisationAccessRequirement requirement)
    {
        var code = context.Resource switch
        {
            HttpContext http => http.GetRouteValue(RouteValue) as string,
            RouteData route => route.RouteValues
                .FirstOrDefault(v => string.Equals(v.Key, RouteValue, StringComparison.OrdinalIgnoreCase)).Value as string,
            string value => value,
            _ => null,
        };
        var aborted = (context.Resource as HttpContext)?.RequestAborted ?? default;
        if (await scope.AllowsAsync(currentUser.Acting, requirement.Kind, requirement.Operation, code, aborted))
        {
            context.Succeed(requirement);
        }
    }
}
