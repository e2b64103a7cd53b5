namespace TransitionTracker.Application.Caching;

/// <summary>
/// The data's current stamps (<see cref="TransitionTracker.Data.Versioning.DataVersion"/>), read from the database at
/// most once per unit of work (one HTTP request, or one interaction of an interactive circuit) by
/// <see cref="DataStampReader"/>. A save through any context this scope opened forgets it, so reads after the save
/// see the new stamp; so does the start of each interaction of a circuit, whose scope lives much longer than one.
/// </summary>
public sealed class DataStamp(DataStampReader reader)
{
    private DataStamps? _stamp;

    public async ValueTask<DataStamps> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_stamp is { } known)
        {
            return known;
        }

        var stamp = await reader.ReadAsync(cancellationToken);
        _stamp = stamp;
        return stamp;
    }

    /// <summary>Reads the stamp again next time it is asked for.</summary>
    public void Forget() => _stamp = null;
}
