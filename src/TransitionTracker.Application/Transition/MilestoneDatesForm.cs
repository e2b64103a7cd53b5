using System.Globalization;
using TransitionTracker.Application.Editing;

namespace TransitionTracker.Application.Transition;

/// <summary>The planned and actual dates typed for one milestone, as typed.</summary>
public sealed class MilestoneDatesForm
{
    public string? PlannedDay { get; set; }

    public string? PlannedMonth { get; set; }

    public string? PlannedYear { get; set; }

    public string? ActualDay { get; set; }

    public string? ActualMonth { get; set; }

    public string? ActualYear { get; set; }

    /// <summary>The milestone's revision when the form was opened; empty when it had not been recorded yet.</summary>
    public string? Revision { get; set; }

    public static MilestoneDatesForm From(PlannedMilestone milestone)
    {
        var (plannedDay, plannedMonth, plannedYear) = InputValues.Boxes(milestone.PlannedOn);
        var (actualDay, actualMonth, actualYear) = InputValues.Boxes(milestone.AchievedOn);
        return new MilestoneDatesForm
        {
            PlannedDay = plannedDay,
            PlannedMonth = plannedMonth,
            PlannedYear = plannedYear,
            ActualDay = actualDay,
            ActualMonth = actualMonth,
            ActualYear = actualYear,
            Revision = RevisionOf(milestone),
        };
    }

    public static string RevisionOf(PlannedMilestone milestone) =>
        milestone.Stored?.Revision.ToString(CultureInfo.InvariantCulture) ?? "";
}
