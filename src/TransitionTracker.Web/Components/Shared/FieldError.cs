using TransitionTracker.Application.Editing;

namespace TransitionTracker.Web.Components.Shared;

/// <summary>A problem with one form field: the field's element id (for the error summary link) and the message.</summary>
public sealed record FieldError(string FieldId, string Message)
{
    /// <summary>
    /// The use case's problems as this page's fields show them. A field's element id is its input name, a date's is its
    /// first wrong box (<c>name-day</c>, <c>name-month</c>, <c>name-year</c>); <paramref name="id"/> names the element
    /// of a problem with an <see cref="FieldProblem.Item"/> (a row of a list).
    /// </summary>
    public static IReadOnlyList<FieldError> From(IEnumerable<FieldProblem> problems, Func<FieldProblem, string>? id = null) =>
        problems.Select(p => new FieldError(
            p.Parts is [var first, ..] ? PartId(p.Field, first) : p.Item is not null && id is not null ? id(p) : p.Field,
            p.Message)).ToList();

    /// <summary>The ids of every date box the problems name, to mark as wrong.</summary>
    public static IReadOnlySet<string> DatePartsIn(IEnumerable<FieldProblem> problems) =>
        problems.SelectMany(p => (p.Parts ?? []).Select(part => PartId(p.Field, part))).ToHashSet(StringComparer.Ordinal);

    /// <summary>The element id of one box of a date input.</summary>
    public static string PartId(string field, string part) => $"{field}-{part}";
}
