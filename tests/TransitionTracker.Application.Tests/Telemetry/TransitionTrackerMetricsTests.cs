using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Telemetry;
using TransitionTracker.Domain.SupportActions;

namespace TransitionTracker.Application.Tests.Telemetry;

/// <summary>
/// The app's own counters (docs/operations.md, "Telemetry") without a web host: each test makes its own meter factory
/// and listens to that factory's meter only, so counters of other tests do not interfere.
/// </summary>
public sealed class TransitionTrackerMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Tag), long> _totals = new();
    private readonly TransitionTrackerMetrics _metrics;

    public TransitionTrackerMetricsTests()
    {
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TransitionTrackerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _totals.AddOrUpdate((instrument.Name, tags.Length > 0 ? tags[0].Value as string : null), value, (_, total) => total + value));
        _listener.Start();
        _metrics = new TransitionTrackerMetrics(factory);
    }

    [Fact]
    public void Each_submission_counts_one()
    {
        _metrics.AssessmentSubmitted();
        _metrics.AssessmentSubmitted();

        Assert.Equal(2, Total("transition_tracker.assessments.submitted"));
    }

    [Fact]
    public async Task A_save_refused_under_the_revision_rule_counts_one_conflict_for_its_kind_of_record()
    {
        var save = new RevisionCheckedSave(_metrics);
        var conflict = new EditConflict(3, "someone.else@example.nhs.uk", DateTime.UtcNow, []);

        var action = new SupportAction("00G", "GOV-02", "Agree a conflicts of interest policy", "PCT development lead", new DateOnly(2031, 3, 31), "test", DateTime.UtcNow);

        var outcome = await save.RefusedAsync(action, (_, _) => Task.FromResult(conflict), CancellationToken.None);

        Assert.Equal(EditStatus.Conflict, outcome.Status);
        Assert.Equal(1, Total("transition_tracker.edits.conflicts", nameof(SupportAction)));
        Assert.Equal(0, Total("transition_tracker.edits.conflicts", "Assessment"));
    }

    [Fact]
    public void Cache_hits_and_misses_are_counted_under_the_reads_name_not_its_codes()
    {
        _metrics.ReadCacheMiss(("ReadinessAsync", "00G"));
        _metrics.ReadCacheHit(("ReadinessAsync", "00H"));
        _metrics.ReadCacheHit(("ReadinessAsync", "00G"));
        _metrics.ReadCacheHit(42);

        Assert.Equal(1, Total("transition_tracker.read_cache.misses", "ReadinessAsync"));
        Assert.Equal(2, Total("transition_tracker.read_cache.hits", "ReadinessAsync"));
        Assert.Equal(1, Total("transition_tracker.read_cache.hits", nameof(Int32)));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private long Total(string instrument, string? tag = null) => _totals.GetValueOrDefault((instrument, tag));
}
