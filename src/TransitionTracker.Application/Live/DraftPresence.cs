namespace TransitionTracker.Application.Live;

/// <summary>Someone with a draft open: their account, the name shown, and the tab (one circuit) it is open in.</summary>
public sealed record PresentEditor(string UserId, string Name, Guid Tab);

/// <summary>
/// Who has each checklist draft open, on every instance (docs/architecture.md, "Live updates"): this instance's open
/// pages join and leave; other instances' are heard through <see cref="PostgresChangeRelay"/>, which also repeats this
/// instance's every <see cref="RepeatEvery"/>, so an instance that stops without saying so is forgotten after
/// <see cref="ForgetAfter"/>. Watchers are called on the thread that heard of the change and must only note it.
/// </summary>
public sealed class DraftPresence(TimeProvider clock)
{
    public static readonly TimeSpan RepeatEvery = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(65);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<Guid, PresentEditor>> _here = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<Guid, (IReadOnlyList<PresentEditor> People, DateTimeOffset HeardAt)>> _elsewhere = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Action>> _watchers = new(StringComparer.Ordinal);

    /// <summary>Raised with a draft's key and who has it open here, whenever that changes, for the relay to tell the others.</summary>
    internal event Action<string, IReadOnlyList<PresentEditor>>? ChangedHere;

    /// <summary>The key of one consortium's draft of one framework.</summary>
    public static string Key(string consortiumCode, string frameworkId) => $"{consortiumCode}/{frameworkId}";

    /// <summary>Marks the draft open in <paramref name="editor"/>'s tab until the result is disposed.</summary>
    public IDisposable Join(string key, PresentEditor editor)
    {
        IReadOnlyList<PresentEditor> now;
        lock (_gate)
        {
            if (!_here.TryGetValue(key, out var tabs))
            {
                _here[key] = tabs = [];
            }

            tabs[editor.Tab] = editor;
            now = [.. tabs.Values];
        }

        Changed(key, now);
        return new Leaving(this, key, editor.Tab);
    }

    /// <summary>Calls <paramref name="changed"/> whenever who has the draft open changes, until the result is disposed.</summary>
    public IDisposable Watch(string key, Action changed)
    {
        lock (_gate)
        {
            if (!_watchers.TryGetValue(key, out var list))
            {
                _watchers[key] = list = [];
            }

            list.Add(changed);
        }

        return new Unwatching(this, key, changed);
    }

    /// <summary>Everyone with the draft open, here and on the other instances heard from lately, in the order they opened it here.</summary>
    public IReadOnlyList<PresentEditor> Who(string key)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var here = _here.TryGetValue(key, out var tabs) ? tabs.Values.ToList() : [];
            if (_elsewhere.TryGetValue(key, out var instances))
            {
                here.AddRange(instances.Values.Where(i => now - i.HeardAt < ForgetAfter).SelectMany(i => i.People));
            }

            return here;
        }
    }

    /// <summary>What another instance says: who has the draft open there now (none: it was closed).</summary>
    public void Heard(Guid instance, string key, IReadOnlyList<PresentEditor> people)
    {
        lock (_gate)
        {
            if (!_elsewhere.TryGetValue(key, out var instances))
            {
                _elsewhere[key] = instances = [];
            }

            if (people.Count == 0)
            {
                instances.Remove(instance);
            }
            else
            {
                instances[instance] = (people, clock.GetUtcNow());
            }
        }

        Notify(key);
    }

    /// <summary>Every draft open here, with who has it open, for the relay to repeat.</summary>
    internal IReadOnlyList<(string Key, IReadOnlyList<PresentEditor> People)> Here()
    {
        lock (_gate)
        {
            return [.. _here.Where(k => k.Value.Count > 0).Select(k => (k.Key, (IReadOnlyList<PresentEditor>)[.. k.Value.Values]))];
        }
    }

    private void Leave(string key, Guid tab)
    {
        IReadOnlyList<PresentEditor> now;
        lock (_gate)
        {
            if (!_here.TryGetValue(key, out var tabs) || !tabs.Remove(tab))
            {
                return;
            }

            now = [.. tabs.Values];
            if (tabs.Count == 0)
            {
                _here.Remove(key);
            }
        }

        Changed(key, now);
    }

    private void Changed(string key, IReadOnlyList<PresentEditor> here)
    {
        Notify(key);
        ChangedHere?.Invoke(key, here);
    }

    private void Notify(string key)
    {
        Action[] watchers;
        lock (_gate)
        {
            watchers = _watchers.TryGetValue(key, out var list) ? [.. list] : [];
        }

        foreach (var watcher in watchers)
        {
            try
            {
                watcher();
            }
            catch (Exception exception) when (exception is ObjectDisposedException or InvalidOperationException)
            {
                // A page closing as it was told: it stops watching as it goes.
            }
        }
    }

    private void Unwatch(string key, Action changed)
    {
        lock (_gate)
        {
            if (_watchers.TryGetValue(key, out var list) && list.Remove(changed) && list.Count == 0)
            {
                _watchers.Remove(key);
            }
        }
    }

    private sealed class Leaving(DraftPresence owner, string key, Guid tab) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Leave(key, tab);
            }
        }
    }

    private sealed class Unwatching(DraftPresence owner, string key, Action changed) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                owner.Unwatch(key, changed);
            }
        }
    }
}
