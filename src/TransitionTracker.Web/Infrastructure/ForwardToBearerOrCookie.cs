using Microsoft.AspNetCore.Identity;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>People use the sign-in cookie; scripts send an Identity bearer token. One scheme picks per request.</summary>
public static class ForwardToBearerOrCookie
{
    public const string Scheme = "CookieOrBearer";

    public static string Select(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? IdentityConstants.BearerScheme
            : IdentityConstants.ApplicationScheme;
}
