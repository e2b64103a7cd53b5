using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>Response headers and request checks that protect every page and endpoint (docs/security.md).</summary>
public static class SecuritySetup
{
    public static WebApplicationBuilder AddTransitionTrackerSecurity(this WebApplicationBuilder builder)
    {
        // The Server header only tells an attacker what to look up.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>Goes after the status code pages and API problem details middleware, which turn a refusal into a page or problem.</summary>
    public static IApplicationBuilder UseTransitionTrackerSecurity(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>()
            .UseMiddleware<OriginCheckMiddleware>();
}
