using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Web.Access;

/// <summary>Refuses sign-in (form and API) to disabled accounts.</summary>
public sealed class TransitionTrackerSignInManager(
    UserManager<TransitionTrackerUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TransitionTrackerUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TransitionTrackerUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TransitionTrackerUser> confirmation)
    : SignInManager<TransitionTrackerUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(TransitionTrackerUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);
}
