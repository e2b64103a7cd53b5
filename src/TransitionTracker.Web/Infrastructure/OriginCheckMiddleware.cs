using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// Refuses with 403 a state-changing request (any method but GET, HEAD, OPTIONS and TRACE) whose <c>Origin</c>, or
/// <c>Referer</c> when there is no Origin, names another site: a second line behind the antiforgery token and the
/// SameSite cookie against forms posted from elsewhere. Requests with neither header are left to antiforgery (some
/// clients send neither). Requests with a bearer token are exempt: a browser never adds one by itself.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public const string Detail = "This request came from another site, so it was refused. Nothing has been saved.";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || ForwardToBearerOrCookie.Select(context) == IdentityConstants.BearerScheme
            || IsSameOrigin(request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (request.Path.StartsWithSegments("/api"))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status403Forbidden, Detail = Detail },
            });
        }
    }

    /// <summary>Whether the request's Origin (or Referer) names this site; true when it has neither.</summary>
    internal static bool IsSameOrigin(HttpRequest request)
    {
        var claimed = request.Headers.Origin.ToString();
        if (claimed.Length == 0)
        {
            claimed = request.Headers.Referer.ToString();
            if (claimed.Length == 0)
            {
                return true;
            }
        }

        // "null" (a sandboxed or privacy-stripped origin) does not parse as an absolute URI and is refused.
        if (!Uri.TryCreate(claimed, UriKind.Absolute, out var origin) || !Uri.TryCreate(request.GetEncodedUrl(), UriKind.Absolute, out var own))
        {
            return false;
        }

        return string.Equals(origin.Scheme, own.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(origin.Host, own.Host, StringComparison.OrdinalIgnoreCase)
            && origin.Port == own.Port;
    }
}
