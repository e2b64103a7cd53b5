using Microsoft.Extensions.Logging;
using TransitionTracker.Data.Changes;

namespace TransitionTracker.Application.Live;

/// <summary>
/// Tells open pages what has just changed (docs/architecture.md, "Live updates"): each change committed by this
/// instance at once, and each change committed by another instance as <see cref="PostgresChangeRelay"/> hears of it.
/// Watchers are called on the thread that committed or heard the change, so they must only note it and return; a page
/// reads again on its own dispatcher.
/// </summary>
public sealed class LiveChanges : IDisposable
{
    private readonly DataChangeHub _hub;
    private readonly ILogger<LiveChanges> _logger;
    private readonly Lock _gate = new();
    private Action<DataChange>[] _watchers = [];

    public LiveChanges(DataChangeHub hub, ILogger<LiveChanges> logger)
    {
        _hub = hub;
        _logger = logger;
        hub.Committed += OnCommittedHere;
    }

    /// <summary>This instance, so that it can tell its own changes from others' when they come back to it.</summary>
    public Guid Instance { get; } = Guid.NewGuid();

    /// <summary>How many pages are watching now.</summary>
    public int WatcherCount => Volatile.Read(ref _watchers).Length;

    /// <summary>Raised for each change committed by this instance, for the relay to tell the others.</summary>
    internal event Action<DataChange>? CommittedHere;

    /// <summary>Calls <paramref name="changed"/> for every change from now until the result is disposed.</summary>
    public IDisposable Watch(Action<DataChange> changed)
    {
        lock (_gate)
        {
            _watchers = [.. _watchers, changed];
        }

        return new Watcher(this, changed);
    }

    /// <summary>A change committed by another instance (or, as <see cref="DataChange.Everything"/>, possibly missed).</summary>
    public void Receive(DataChange change) => Deliver(change);

    public void Dispose() => _hub.Committed -= OnCommittedHere;

    private void OnCommittedHere(DataChange change)
    {
        Deliver(change);
        CommittedHere?.Invoke(change);
    }

    private void Deliver(DataChange change)
    {
        foreach (var watcher in Volatile.Read(ref _watchers))
        {
            try
            {
                watcher(change);
            }
            catch (Exception exception)
            {
                // One page's failure must not stop the others hearing of the change, nor fail the save that made it.
                _logger.LogWarning(exception, "A page watching for changes failed to take one in");
            }
        }
    }

    private void Stop(Action<DataChange> changed)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_watchers, changed);
            if (index >= 0)
            {
                _watchers = [.. _watchers[..index], .. _watchers[(index + 1)..]];
            }
        }
    }

    private sealed class Watcher(LiveChanges owner, Action<DataChange> changed) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Stop(changed);
            }
        }
    }
}
