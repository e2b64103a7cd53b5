namespace TransitionTracker.Application.Editing;

/// <summary>
/// A problem with one input of an edit, keyed by the input's name (never by an element id: each front end maps names to
/// its own controls). <see cref="Item"/> names the row or criterion within a list of inputs, when there is one;
/// <see cref="Parts"/> the parts of a date that are wrong ("day", "month", "year"), when the input is a date.
/// </summary>
public sealed record FieldProblem(string Field, string Message, string? Item = null, IReadOnlyList<string>? Parts = null);
