using System.Diagnostics;

namespace TransitionTracker.Web.Operations;

/// <summary>
/// Gives every response an <c>X-Request-Id</c> header carrying the request id that every log line written during
/// the request holds in its scope (RequestId), so a user's report can be matched to the logs; and logs a warning for
/// a request slower than <c>Logging:SlowRequestThreshold</c> (default 2 seconds). A WebSocket (a circuit's, or an idle
/// page's wake socket) lasts as long as its page, so its duration says nothing of speed and is not logged.
/// </summary>
public sealed class RequestTracingMiddleware(RequestDelegate next, IConfiguration configuration, ILogger<RequestTracingMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    private readonly TimeSpan _slowRequestThreshold = configuration.GetValue("Logging:SlowRequestThreshold", TimeSpan.FromSeconds(2));

    public async Task InvokeAsync(HttpContext context)
    {
        // Set as the response starts: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = context.TraceIdentifier;
            return Task.CompletedTask;
        });

        var started = Stopwatch.GetTimestamp();
        await next(context);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed >= _slowRequestThreshold && context.Response.StatusCode != StatusCodes.Status101SwitchingProtocols)
        {
            logger.LogWarning(
                "Slow request: {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0} ms",
                context.Request.Method,
                context.Request.Path.Value,
                context.Response.StatusCode,
                elapsed.TotalMilliseconds);
        }
    }
}
