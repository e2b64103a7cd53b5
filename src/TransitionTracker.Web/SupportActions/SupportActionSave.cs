using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.SupportActions;

/// <summary>The outcome of adding or changing a support action: saved, refused with problems, refused because someone saved first, or not found.</summary>
public sealed class SupportActionSave
{
    private SupportActionSave()
    {
    }

    public int? SavedId { get; private init; }

    public bool Found { get; private init; } = true;

    public IReadOnlyList<FieldError> Errors { get; private init; } = [];

    /// <summary>Which boxes of the due date (day, month, year ids) to mark as wrong.</summary>
    public IReadOnlySet<string> DatePartsInError { get; private init; } = new HashSet<string>();

    public SupportActionConflict? Conflict { get; private init; }

    public static SupportActionSave Saved(int id) => new() { SavedId = id };

    public static SupportActionSave NotFound() => new() { Found = false };

    public static SupportActionSave Invalid(IReadOnlyList<FieldError> errors, IReadOnlySet<string> datePartsInError) =>
        new() { Errors = errors, DatePartsInError = datePartsInError };

    public static SupportActionSave Refused(SupportActionConflict conflict) => new() { Conflict = conflict };
}
