using TransitionTracker.Data;
using TransitionTracker.Web.Components.Standalone;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// While the database cannot be reached, every page answers an NHS-styled "Service temporarily unavailable" page
/// and every /api request 503 problem details, both with Retry-After, instead of a server error; in every
/// environment. Nothing is kept between requests, so the app serves normally as soon as the database is back.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, IProblemDetailsService problemDetails, ILogger<DatabaseUnavailableMiddleware> logger)
{
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested
                                          && DatabaseUnavailable.FindCause(exception) is { } cause)
        {
            DatabaseUnavailable.ForgetPooledConnections(cause);
            logger.LogWarning("The database is unavailable ({Reason}: {Message}); {Method} {Path} answered 503.",
                cause.GetType().Name, cause.Message, context.Request.Method, context.Request.Path);
            await WriteAsync(context);
        }
    }

    private async Task WriteAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service temporarily unavailable.",
                    Detail = $"The database cannot be reached. Try again in {RetryAfterSeconds} seconds.",
                },
            });
            return;
        }

        await StandalonePageResult.WriteAsync<ServiceUnavailablePage>(context);
    }
}
