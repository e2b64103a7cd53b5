using System.Globalization;
using TransitionTracker.Application.Transition;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Web.Components.Pages.Consortia.Plan;

/// <summary>How the plan editors show a date and hand a typed or picked one to the use case, which says what is wrong with it.</summary>
public static class PlanDate
{
    public static string? Display(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Day, month and year of a date typed as day/month/year.</summary>
    public static (string? Day, string? Month, string? Year) Parts(string? text)
    {
        var parts = (text ?? "").Split(['/', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        // Not day, month and year: the whole text stands for each part, so the use case calls it not a real date.
        return parts switch
        {
            [] => ("", "", ""),
            [var d, var m, var y] => (d, m, y),
            _ => (text, text, text),
        };
    }
}

/// <summary>What the function editor holds, as entered; a record, so an entry equal to the one read has nothing unsaved.</summary>
public sealed record PlannedFunctionEntry
{
    public string? Name { get; set; }

    public string? ReceivingBody { get; set; }

    public string? Status { get; set; }

    /// <summary>The target date as typed or picked, day/month/year.</summary>
    public string? TargetText { get; set; }

    public static PlannedFunctionEntry From(PlannedFunction function) => new()
    {
        Name = function.Name,
        ReceivingBody = function.ReceivingBody.ToString(),
        Status = function.Status.ToString(),
        TargetText = PlanDate.Display(function.TargetOn),
    };

    /// <summary>The use case's form, based on <paramref name="revision"/> when changing a function.</summary>
    public PlannedFunctionForm ToForm(int? revision = null)
    {
        var (day, month, year) = PlanDate.Parts(TargetText);
        return new PlannedFunctionForm
        {
            Name = Name,
            ReceivingBody = ReceivingBody,
            Status = Status,
            TargetDay = day,
            TargetMonth = month,
            TargetYear = year,
            Revision = revision?.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>What the staff transfer editor holds, as entered (the headcount too, so the use case can say what is wrong with it).</summary>
public sealed record StaffTransferEntry
{
    public string? Function { get; set; }

    public string? Headcount { get; set; }

    public string? Destination { get; set; }

    public static StaffTransferEntry From(StaffTransfer transfer) => new()
    {
        Function = transfer.Function,
        Headcount = transfer.Headcount.ToString(CultureInfo.InvariantCulture),
        Destination = transfer.Destination.ToString(),
    };

    public StaffTransferForm ToForm(int? revision = null) => new()
    {
        Function = Function,
        Headcount = Headcount,
        Destination = Destination,
        Revision = revision?.ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One milestone's planned and actual dates as typed or picked.</summary>
public sealed record MilestoneDatesEntry
{
    public string? Planned { get; set; }

    public string? Actual { get; set; }

    public static MilestoneDatesEntry From(PlannedMilestone milestone) => new()
    {
        Planned = PlanDate.Display(milestone.PlannedOn),
        Actual = PlanDate.Display(milestone.AchievedOn),
    };

    /// <summary>The use case's dates for this milestone, based on the milestone's <paramref name="revision"/> ("" when not recorded yet).</summary>
    public MilestoneDatesForm ToForm(string revision)
    {
        var (plannedDay, plannedMonth, plannedYear) = PlanDate.Parts(Planned);
        var (actualDay, actualMonth, actualYear) = PlanDate.Parts(Actual);
        return new MilestoneDatesForm
        {
            PlannedDay = plannedDay,
            PlannedMonth = plannedMonth,
            PlannedYear = plannedYear,
            ActualDay = actualDay,
            ActualMonth = actualMonth,
            ActualYear = actualYear,
            Revision = revision,
        };
    }
}
