namespace TransitionTracker.Data.Changes;

/// <summary>
/// Where each committed change of this process is announced (by <see cref="ChangeSignalInterceptor"/>). One per
/// process; the application relays it to open pages and, on PostgreSQL, to the other instances.
/// </summary>
public sealed class DataChangeHub
{
    /// <summary>Raised once per committed save (or committed transaction) that changed a user-visible record.</summary>
    public event Action<DataChange>? Committed;

    public void Publish(DataChange change) => Committed?.Invoke(change);
}
