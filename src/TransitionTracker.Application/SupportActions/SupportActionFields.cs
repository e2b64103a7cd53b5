namespace TransitionTracker.Application.SupportActions;

/// <summary>
/// The names of the support action form's inputs, by which problems are keyed (<see cref="Editing.FieldProblem"/>);
/// the pages use them as the element ids that error messages link to.
/// </summary>
public static class SupportActionFields
{
    public const string Criterion = "criterion";
    public const string Description = "description";
    public const string Owner = "owner";

    /// <summary>The date input as a whole; a problem with it names its wrong parts, and each part's box has its own id.</summary>
    public const string DueDate = "due-date";
    public const string DueDay = DueDate + "-" + Editing.DatePart.Day;
    public const string DueMonth = DueDate + "-" + Editing.DatePart.Month;
    public const string DueYear = DueDate + "-" + Editing.DatePart.Year;
    public const string Status = "status";

    /// <summary>The note saying someone else saved first.</summary>
    public const string Conflict = "conflict";
}
