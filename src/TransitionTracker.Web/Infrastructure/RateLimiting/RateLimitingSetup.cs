using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TransitionTracker.Web.Access;
using TransitionTracker.Web.Components.Standalone;

namespace TransitionTracker.Web.Infrastructure.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter, in memory on each instance: signing in (the sign-in form, /api/identity/login and
/// /api/identity/refresh) per client IP address, against password guessing; the JSON API per signed-in user, or per
/// client IP address when anonymous, against runaway scripts. Refusals are 429 with Retry-After.
/// </summary>
public static class RateLimitingSetup
{
    private static readonly string[] SignInPaths = ["/sign-in", IdentitySetup.IdentityApiPrefix + "/login", IdentitySetup.IdentityApiPrefix + "/refresh"];

    public static IServiceCollection AddTransitionTrackerRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = RateLimitingSettings.From(configuration);
        services.AddSingleton(settings);
        if (settings.Enabled)
        {
            services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.CreateChained(SignInLimiter(settings.SignIn), ApiLimiter(settings.Api));
                options.OnRejected = RejectAsync;
            });
        }

        return services;
    }

    /// <summary>After authentication, so the API is limited per user; before anything that reads the database.</summary>
    public static IApplicationBuilder UseTransitionTrackerRateLimiting(this IApplicationBuilder app)
    {
        return app.ApplicationServices.GetRequiredService<RateLimitingSettings>().Enabled ? app.UseRateLimiter() : app;
    }

    public static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && SignInPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    private static PartitionedRateLimiter<HttpContext> SignInLimiter(RateLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => IsSignIn(context.Request)
            ? RateLimitPartition.GetFixedWindowLimiter("ip:" + ClientAddress(context), _ => Options(limit))
            : RateLimitPartition.GetNoLimiter(""));

    private static PartitionedRateLimiter<HttpContext> ApiLimiter(RateLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context => context.Request.Path.StartsWithSegments("/api")
            ? RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "user:" + userId : "ip:" + ClientAddress(context),
                _ => Options(limit))
            : RateLimitPartition.GetNoLimiter(""));

    private static FixedWindowRateLimiterOptions Options(RateLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = TimeSpan.FromSeconds(limit.WindowSeconds),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problemDetails = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"Try again in {seconds} seconds.",
                },
            });
            return;
        }

        // The sign-in form: say so on a page, with the way back to the form (and its return address).
        var retryUrl = (context.Request.Path + context.Request.QueryString).ToString();
        await StandalonePageResult.WriteAsync<TooManyRequestsPage>(context, new { RetryAfterSeconds = seconds, RetryUrl = retryUrl });
    }
}
