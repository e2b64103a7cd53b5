using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Telemetry;

namespace TransitionTracker.Web.Tests.Infrastructure.Telemetry;

/// <summary>
/// Totals of the app's own counters, heard from one app only: the meter its <see cref="IMeterFactory"/> created, so
/// apps of tests running in parallel are not counted.
/// </summary>
public sealed class AppCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Tag), long> _totals = new();

    public AppCounters(IServiceProvider appServices)
    {
        var factory = appServices.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TransitionTrackerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = tags.Length > 0 ? tags[0].Value as string : null;
            _totals.AddOrUpdate((instrument.Name, tag), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    /// <summary>How much <paramref name="instrument"/> has counted with this tag value (or with no tag) since this was made.</summary>
    public long Total(string instrument, string? tag = null) => _totals.GetValueOrDefault((instrument, tag));

    public void Dispose() => _listener.Dispose();
}
