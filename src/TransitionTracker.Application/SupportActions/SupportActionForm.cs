using System.Globalization;

namespace TransitionTracker.Application.SupportActions;

/// <summary>What a person typed into the support action form, kept as typed so it can be shown again with errors.</summary>
public sealed class SupportActionForm
{
    public string? Criterion { get; set; }

    public string? Description { get; set; }

    public string? Owner { get; set; }

    public string? DueDay { get; set; }

    public string? DueMonth { get; set; }

    public string? DueYear { get; set; }

    /// <summary>The status's enum name; changing an action only.</summary>
    public string? Status { get; set; }

    /// <summary>The action's revision when the form was opened; changing an action only.</summary>
    public string? Revision { get; set; }

    public static SupportActionForm From(SupportActionItem action) => new()
    {
        Criterion = action.CriterionId,
        Description = action.Description,
        Owner = action.Owner,
        DueDay = action.DueOn.Day.ToString(CultureInfo.InvariantCulture),
        DueMonth = action.DueOn.Month.ToString(CultureInfo.InvariantCulture),
        DueYear = action.DueOn.Year.ToString(CultureInfo.InvariantCulture),
        Status = action.Status.ToString(),
        Revision = action.Revision.ToString(CultureInfo.InvariantCulture),
    };
}
