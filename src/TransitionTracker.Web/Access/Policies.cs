using Microsoft.AspNetCore.Authorization;

namespace TransitionTracker.Web.Access;

/// <summary>The app's authorization policies: one per organisation kind and operation, and one for administrators.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";

    public static string For(OrganisationKind kind, AccessOperation operation) => $"{kind}.{operation}";

    public static AuthorizationBuilder AddTransitionTrackerPolicies(this AuthorizationBuilder builder)
    {
        // Everything needs a signed-in user unless it says otherwise ([AllowAnonymous]).
        builder.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().AddRequirements(new AdministratorRequirement()));
        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            foreach (var operation in Enum.GetValues<AccessOperation>())
            {
                builder.AddPolicy(For(kind, operation), p => p.RequireAuthenticatedUser().AddRequirements(new OrganisationAccessRequirement(kind, operation)));
            }
        }

        return builder;
    }
}
