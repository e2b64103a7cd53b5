using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace TransitionTracker.Web.Infrastructure;

/// <summary>
/// /healthz/live: the process answers (no check runs, so a database outage never restarts the app);
/// /healthz/ready: the checks tagged <see cref="ReadyTag"/> (the database) pass, else 503, so a load balancer
/// stops sending traffic; /healthz: every check, as one report.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapTransitionTrackerHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
