using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace TransitionTracker.Web.Access;

/// <summary>
/// An open circuit checks every minute that its user may still be signed in (not signed out elsewhere, disabled,
/// deleted or with a changed security stamp), through the same <see cref="ActingUsers"/> rule as each HTTP request.
/// When not, the circuit's user becomes anonymous and its pages show the sign-in prompt.
/// </summary>
public sealed class SessionRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<ActingUsers>();
        return await users.FromPrincipalAsync(authenticationState.User, cancellationToken) is not null;
    }
}
