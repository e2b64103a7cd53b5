namespace TransitionTracker.Application.Editing;

/// <summary>The parts of a date a <see cref="FieldProblem"/> can name.</summary>
public static class DatePart
{
    public const string Day = "day";
    public const string Month = "month";
    public const string Year = "year";
}
