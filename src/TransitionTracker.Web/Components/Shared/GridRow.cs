namespace TransitionTracker.Web.Components.Shared;

/// <summary>
/// One row of a grid whose rows the database sorts and pages, equal to any other row at the same place on the page.
/// MudDataGrid keys each row by its item, and each row sits in a render region of its own, so a row whose item is not
/// the one shown at that place before is disposed and drawn anew with all its components. Rows read again (a sort, a
/// new page, a live update) are new objects, so every row was. Keyed by its place, a row stays, and only what changed
/// in its cells is sent (docs/performance.md, "Load: users at work").
/// </summary>
public sealed class GridRow<T>(int place, T value) : IEquatable<GridRow<T>>
{
    /// <summary>Where the row is on the page, from 0.</summary>
    public int Place { get; } = place;

    /// <summary>What the row shows.</summary>
    public T Value { get; } = value;

    /// <summary>The rows of a page, in its order.</summary>
    public static IReadOnlyList<GridRow<T>> Of(IReadOnlyList<T> values)
    {
        var rows = new GridRow<T>[values.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new GridRow<T>(i, values[i]);
        }

        return rows;
    }

    public bool Equals(GridRow<T>? other) => other is not null && other.Place == Place;

    public override bool Equals(object? obj) => Equals(obj as GridRow<T>);

    public override int GetHashCode() => Place;
}

/// <summary>
/// A grid's rows for the values it is given, made again only when it is given another list: a grid's
/// <c>Items</c> that stay the same list render nothing new.
/// </summary>
public sealed class GridRows<T>
{
    private IReadOnlyList<T>? values;
    private IReadOnlyList<GridRow<T>> rows = [];

    public IReadOnlyList<GridRow<T>> Of(IReadOnlyList<T> shown)
    {
        if (!ReferenceEquals(shown, values))
        {
            rows = GridRow<T>.Of(shown);
            values = shown;
        }

        return rows;
    }
}
