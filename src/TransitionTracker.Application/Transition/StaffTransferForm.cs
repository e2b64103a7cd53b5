using System.Globalization;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>What a person typed into the staff transfer form, kept as typed so it can be shown again with errors.</summary>
public sealed class StaffTransferForm
{
    public const string FunctionField = "function";
    public const string HeadcountField = "headcount";
    public const string DestinationField = "destination";

    public string? Function { get; set; }

    public string? Headcount { get; set; }

    /// <summary>The destination's enum name (a receiving body).</summary>
    public string? Destination { get; set; }

    /// <summary>The transfer's revision when the form was opened; changing a transfer only.</summary>
    public string? Revision { get; set; }

    public static StaffTransferForm From(StaffTransfer transfer) => new()
    {
        Function = transfer.Function,
        Headcount = transfer.Headcount.ToString(CultureInfo.InvariantCulture),
        Destination = transfer.Destination.ToString(),
        Revision = transfer.Revision.ToString(CultureInfo.InvariantCulture),
    };
}
