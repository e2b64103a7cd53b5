using Microsoft.AspNetCore.Diagnostics;

namespace TransitionTracker.Web.Api;

/// <summary>
/// Under /api, an error status with no body (an unknown route, a failed challenge) becomes RFC 7807 problem
/// details instead of the HTML status page people see.
/// </summary>
public sealed class ApiProblemDetailsMiddleware(RequestDelegate next, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = context });
        }
    }
}
