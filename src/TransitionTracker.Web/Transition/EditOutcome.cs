using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Transition;

/// <summary>
/// The outcome of saving a form: saved, refused with every problem found, refused because someone saved first, or
/// not found. Nothing is changed unless it was saved.
/// </summary>
public sealed class EditOutcome
{
    private EditOutcome()
    {
    }

    public bool IsSaved { get; private init; }

    /// <summary>The id of the record added or changed.</summary>
    public int? SavedId { get; private init; }

    public bool Found { get; private init; } = true;

    public IReadOnlyList<FieldError> Errors { get; private init; } = [];

    /// <summary>Which boxes of date inputs (day, month and year ids) to mark as wrong.</summary>
    public IReadOnlySet<string> DatePartsInError { get; private init; } = new HashSet<string>();

    public EditConflict? Conflict { get; private init; }

    public static EditOutcome Saved(int? id = null) => new() { IsSaved = true, SavedId = id };

    public static EditOutcome NotFound() => new() { Found = false };

    public static EditOutcome Invalid(IReadOnlyList<FieldError> errors, IReadOnlySet<string> datePartsInError) =>
        new() { Errors = errors, DatePartsInError = datePartsInError };

    public static EditOutcome Refused(EditConflict conflict) => new() { Conflict = conflict };
}
