using System.Collections.Concurrent;
using TransitionTracker.Domain.Frameworks;

namespace TransitionTracker.Application.Frameworks;

/// <summary>
/// Parsed framework versions. A published version never changes, so a parsed copy is good for the life of the
/// process on every instance; only "which version is latest" is asked of the database each time.
/// </summary>
public sealed class FrameworkCache
{
    private readonly ConcurrentDictionary<(string Id, int Version), Framework> _parsed = new();

    public bool TryGet(string id, int version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Framework? framework) =>
        _parsed.TryGetValue((id, version), out framework);

    public Framework GetOrParse(string id, int version, string definition) =>
        _parsed.GetOrAdd((id, version), static (_, json) =>
            FrameworkLoader.Load(json).Framework ?? throw new InvalidOperationException("A stored framework no longer loads."), definition);
}
