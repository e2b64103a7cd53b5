using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Identity's sign-in, for the form and the API alike, with this app's rules: disabled accounts are refused; every
/// failure is the same <see cref="SignInResult.Failed"/> (never "locked out" or "not allowed", which would say that
/// the account exists); guessing is throttled by <see cref="SignInThrottling"/> instead of Identity's lockout; and
/// every cookie or token belongs to a server-side session (<see cref="SessionStore"/>).
/// </summary>
public sealed class TransitionTrackerSignInManager(
    UserManager<TransitionTrackerUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<TransitionTrackerUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<TransitionTrackerUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<TransitionTrackerUser> confirmation,
    SessionStore sessions,
    SignInThrottling throttling,
    CurrentUser currentUser)
    : SignInManager<TransitionTrackerUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // Checked instead of a real password when there is none to check (no such account, a disabled one, or attempts
    // refused for now), so that every failure takes about as long as a wrong password and the timing tells little.
    private static readonly Lazy<string> StandInHash = new(() =>
        new PasswordHasher<TransitionTrackerUser>().HashPassword(new TransitionTrackerUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));

    private CancellationToken Aborted => Context.RequestAborted;

    public override async Task<bool> CanSignInAsync(TransitionTrackerUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// Names with no account, and disabled accounts, are not counted: there is nothing to protect, and nothing typed
    /// is stored. Their answer and its timing are those of a wrong password, so neither tells which accounts exist.
    /// </summary>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        var source = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (user is null || user.IsDisabled || await throttling.IsBlockedAsync(user.Id, source, Aborted))
        {
            UserManager.PasswordHasher.VerifyHashedPassword(new TransitionTrackerUser(), StandInHash.Value, password);
            return SignInResult.Failed;
        }

        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttling.SucceededAsync(user.Id, source, Aborted);
            return result;
        }

        await throttling.FailedAsync(user.Id, source, Aborted);
        return SignInResult.Failed;
    }

    /// <summary>
    /// Every principal made for a user is a new sign-in (the form, the API's login, and its refresh endpoint, which
    /// makes a new principal from the user), so each gets a session of its own.
    /// </summary>
    public override async Task<ClaimsPrincipal> CreateUserPrincipalAsync(TransitionTrackerUser user)
    {
        var principal = await base.CreateUserPrincipalAsync(user);
        var sessionId = await sessions.StartAsync(currentUser.Acting, user.Id, Aborted);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(ActingUsers.SessionClaimType, sessionId));
        return principal;
    }

    /// <summary>
    /// The API's refresh endpoint checks a refresh token here before it issues new tokens. Besides the security
    /// stamp, the token's session must still be open, and this ends it: a refresh token works once, and the access
    /// token issued with it stops working when it is used.
    /// </summary>
    public override async Task<TransitionTrackerUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && !user.IsDisabled && await sessions.EndAsync(currentUser.Acting, principal?.FindFirstValue(ActingUsers.SessionClaimType), user.Id, Aborted)
            ? user
            : null;
    }

    /// <summary>Ends the signed-in session on the server too, so a copy of the cookie stops working.</summary>
    public override async Task SignOutAsync()
    {
        await sessions.EndAsync(currentUser.Acting, Context.User.FindFirstValue(ActingUsers.SessionClaimType), Context.User.FindFirstValue(ClaimTypes.NameIdentifier), Aborted);
        await base.SignOutAsync();
    }
}
