namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>
/// One thing a change did, as a line people read ("Support action changed", "Assessment submitted: score 81.2, fast
/// mover"), with its fields, and for an assessment its answers, which the page shows folded under <see cref="AnswersSummary"/>.
/// </summary>
public sealed record ChangeItem(string Summary, IReadOnlyList<ChangedField> Fields, IReadOnlyList<ChangedField> Answers, string AnswersSummary);
