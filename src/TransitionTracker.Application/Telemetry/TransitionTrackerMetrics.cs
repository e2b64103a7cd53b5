using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace TransitionTracker.Application.Telemetry;

/// <summary>
/// The app's own counters, on one meter named <see cref="MeterName"/> (docs/operations.md, "Telemetry"). The meter comes
/// from the host's <see cref="IMeterFactory"/>, so each app instance (and each test's app) has its own.
/// </summary>
public sealed class TransitionTrackerMetrics
{
    public const string MeterName = "TransitionTracker";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;

    public TransitionTrackerMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _submitted = meter.CreateCounter<long>("transition_tracker.assessments.submitted", "{assessment}", "Assessments submitted.");
        _conflicts = meter.CreateCounter<long>("transition_tracker.edits.conflicts", "{edit}", "Saves refused because someone else changed the record first.");
        _cacheHits = meter.CreateCounter<long>("transition_tracker.read_cache.hits", "{read}", "Reads answered from the read cache.");
        _cacheMisses = meter.CreateCounter<long>("transition_tracker.read_cache.misses", "{read}", "Reads the read cache did not hold, loaded from the database.");
    }

    public void AssessmentSubmitted() => _submitted.Add(1);

    /// <param name="kind">The kind of record whose save was refused, e.g. <c>Assessment</c>.</param>
    public void EditConflict(string kind) => _conflicts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void ReadCacheHit(object key) => _cacheHits.Add(1, new KeyValuePair<string, object?>("read", ReadName(key)));

    public void ReadCacheMiss(object key) => _cacheMisses.Add(1, new KeyValuePair<string, object?>("read", ReadName(key)));

    // Cache keys are tuples led by the read's name (see CachedReads); their other parts are codes and users, which
    // would give a series per consortium or person if used as tags.
    private static string ReadName(object key) =>
        key is ITuple { Length: > 0 } tuple && tuple[0] is string name ? name : key.GetType().Name;
}
