using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TransitionTracker.Web.Infrastructure.Telemetry;
using TransitionTracker.Web.Tests.Infrastructure;

namespace TransitionTracker.Web.Tests.Infrastructure.Telemetry;

/// <summary>OpenTelemetry runs only where an OTLP endpoint is set; elsewhere nothing collects or exports.</summary>
public sealed class TelemetrySetupTests
{
    [Fact]
    public void With_no_endpoint_set_nothing_collects_or_exports_telemetry()
    {
        using var factory = new TransitionTrackerFactory();

        Assert.Null(factory.Services.GetService<MeterProvider>());
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void With_an_endpoint_set_metrics_and_traces_are_collected_for_export()
    {
        using var factory = new TransitionTrackerFactory();
        // Nothing listens on this port: an export at shutdown is refused at once.
        using var withEndpoint = factory.WithWebHostBuilder(builder => builder.UseSetting(TelemetrySetup.OtlpEndpointKey, "http://127.0.0.1:9"));

        Assert.NotNull(withEndpoint.Services.GetService<MeterProvider>());
        Assert.NotNull(withEndpoint.Services.GetService<TracerProvider>());
    }
}
