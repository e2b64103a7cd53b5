using MudBlazor;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// The sort functions of a grid whose rows the database sorts. Each column named by a key (the key the address and
/// the use case use) gets its own function, so the grid's sort definition says which column was chosen; every
/// function gives the same value, so the grid keeps the rows in the order the database returned them.
/// </summary>
/// <remarks>
/// Columns are <see cref="TemplateColumn{T}"/>s with these functions as <c>SortBy</c>, not <c>PropertyColumn</c>s:
/// a property column compiles its expression every time it is created, which cost more than the rest of a page's
/// render (docs/performance.md, "Circuits and prerendering").
/// </remarks>
public sealed class ServerSortColumns<T>
{
    private readonly Dictionary<string, Func<T, object>> functions = new(StringComparer.Ordinal);

    public ServerSortColumns(params IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            functions.Add(key, new SameValue(key).Of);
        }
    }

    /// <summary>The sort function of the column named <paramref name="key"/>.</summary>
    public Func<T, object> this[string key] => functions[key];

    /// <summary>The key of the column a sort definition names, or null when none (or no sort).</summary>
    public string? KeyOf(SortDefinition<T>? sort) =>
        sort?.SortFunc is { } chosen ? functions.FirstOrDefault(pair => ReferenceEquals(pair.Value, chosen)).Key : null;

    // One instance per key, so each function is a distinct delegate.
    private sealed class SameValue(string key)
    {
        private static readonly object Value = 0;

        public string Key { get; } = key;

        public object Of(T row) => Value;
    }
}
