namespace TransitionTracker.Web.SupportActions;

/// <summary>The element ids of the support action form's fields, which error messages link to.</summary>
public static class SupportActionFields
{
    public const string Criterion = "criterion";
    public const string Description = "description";
    public const string Owner = "owner";

    /// <summary>The date input as a whole; its day, month and year boxes have their own ids.</summary>
    public const string DueDate = "due-date";
    public const string DueDay = "due-date-day";
    public const string DueMonth = "due-date-month";
    public const string DueYear = "due-date-year";
    public const string Status = "status";

    /// <summary>The note saying someone else saved first.</summary>
    public const string Conflict = "conflict";
}
