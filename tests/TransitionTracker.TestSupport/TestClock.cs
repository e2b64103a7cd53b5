namespace TransitionTracker.TestSupport;

/// <summary>A clock the test sets and moves on, so "today" and the times of changes are known.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
