using Microsoft.AspNetCore.Authorization;

namespace TransitionTracker.Web.Access;

public sealed class AdministratorHandler(CurrentUser currentUser) : AuthorizationHandler<AdministratorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdministratorRequirement requirement)
    {
        if (currentUser.Access.IsAdministrator)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
