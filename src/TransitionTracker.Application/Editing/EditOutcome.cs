namespace TransitionTracker.Application.Editing;

/// <summary>
/// The outcome every edit returns (docs/architecture.md, "Editing: one outcome, one revision rule"): saved, invalid
/// with every problem found (by field name), refused by a conflict (with the current revision and what changed), or
/// not found. Nothing is changed unless it was saved.
/// </summary>
public record EditOutcome
{
    /// <summary>The field a problem names when an edit did not say which revision it was based on.</summary>
    public const string RevisionField = "revision";

    protected EditOutcome(EditStatus status)
    {
        Status = status;
    }

    public EditStatus Status { get; }

    public bool IsSaved => Status == EditStatus.Saved;

    public bool Found => Status != EditStatus.NotFound;

    /// <summary>The id of the record added or changed, when it has a number for one.</summary>
    public int? SavedId { get; init; }

    /// <summary>The revision now stored, when the record has revisions.</summary>
    public int? Revision { get; init; }

    public IReadOnlyList<FieldProblem> Problems { get; init; } = [];

    public EditConflict? Conflict { get; init; }

    /// <summary>True when the edit was refused only because it did not say which revision it was based on.</summary>
    public bool RevisionMissing => Status == EditStatus.Invalid && Problems is [{ Field: RevisionField }];

    public static EditOutcome Saved(int? id = null, int? revision = null) => new(EditStatus.Saved) { SavedId = id, Revision = revision };

    public static EditOutcome Invalid(IReadOnlyList<FieldProblem> problems) => new(EditStatus.Invalid) { Problems = problems };

    public static EditOutcome Invalid(string field, string message) => Invalid([new FieldProblem(field, message)]);

    public static EditOutcome Refused(EditConflict conflict) => new(EditStatus.Conflict) { Conflict = conflict, Revision = conflict.CurrentRevision };

    public static EditOutcome NotFound() => new(EditStatus.NotFound);

    /// <summary>Refused because the edit did not say which revision of the record it was based on.</summary>
    public static EditOutcome RevisionRequired() => Invalid(RevisionField, "Say which revision of the record this change is based on");
}

/// <summary>An <see cref="EditOutcome"/> that also carries the record as it now stands (<see cref="Value"/>), saved or not.</summary>
public sealed record EditOutcome<T> : EditOutcome
{
    private EditOutcome(EditOutcome outcome, T? value)
        : base(outcome)
    {
        Value = value;
    }

    /// <summary>The record as stored now: after the save, or the one that refused it.</summary>
    public T? Value { get; init; }

    public static EditOutcome<T> From(EditOutcome outcome, T? value = default) => new(outcome, value);
}
