using System.Globalization;
using TransitionTracker.Application.Editing;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>What a person typed into the planned function form, kept as typed so it can be shown again with errors.</summary>
public sealed class PlannedFunctionForm
{
    public const string NameField = "name";
    public const string ReceivingBodyField = "receiving-body";
    public const string StatusField = "status";
    public const string TargetDateField = "target-date";

    public string? Name { get; set; }

    /// <summary>The receiving body's enum name.</summary>
    public string? ReceivingBody { get; set; }

    /// <summary>The status's enum name.</summary>
    public string? Status { get; set; }

    public string? TargetDay { get; set; }

    public string? TargetMonth { get; set; }

    public string? TargetYear { get; set; }

    /// <summary>The function's revision when the form was opened; changing a function only.</summary>
    public string? Revision { get; set; }

    public static PlannedFunctionForm From(PlannedFunction function)
    {
        var (day, month, year) = InputValues.Boxes(function.TargetOn);
        return new PlannedFunctionForm
        {
            Name = function.Name,
            ReceivingBody = function.ReceivingBody.ToString(),
            Status = function.Status.ToString(),
            TargetDay = day,
            TargetMonth = month,
            TargetYear = year,
            Revision = function.Revision.ToString(CultureInfo.InvariantCulture),
        };
    }
}
