using Npgsql;
using TransitionTracker.Application.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace TransitionTracker.Web.Infrastructure.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The standard OpenTelemetry setting, read from the environment or from configuration.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The app's counters (<see cref="TransitionTrackerMetrics"/>), and OpenTelemetry metrics and traces sent by OTLP
    /// when an endpoint is set (docs/operations.md, "Telemetry"). Without one, OpenTelemetry is not registered at all:
    /// nothing listens, so instrumentation costs nothing.
    /// </summary>
    public static WebApplicationBuilder AddTransitionTrackerTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<TransitionTrackerMetrics>();
        if (string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(TransitionTrackerMetrics.MeterName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(TransitionTrackerMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddNpgsql())
            .UseOtlpExporter();
        return builder;
    }
}
