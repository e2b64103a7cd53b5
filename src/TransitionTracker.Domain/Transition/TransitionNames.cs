namespace TransitionTracker.Domain.Transition;

/// <summary>Plain-English names for the transition plan's choices.</summary>
public static class TransitionNames
{
    /// <summary>Every consortium was to be authorised by April 2013.</summary>
    public static readonly DateOnly NationalDeadline = new(2013, 4, 1);

    public static string ToDisplay(this ReceivingBody body) => body switch
    {
        ReceivingBody.Consortium => "The consortium",
        ReceivingBody.NhsCommissioningBoard => "NHS Commissioning Board",
        ReceivingBody.LocalAuthority => "Local authority",
        ReceivingBody.CommissioningSupport => "Commissioning support",
        ReceivingBody.SocialEnterprise => "Social enterprise",
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, null),
    };

    public static string ToDisplay(this FunctionStatus status) => status switch
    {
        FunctionStatus.NotStarted => "Not started",
        FunctionStatus.InProgress => "In progress",
        FunctionStatus.Transferred => "Transferred",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string ToDisplay(this MilestoneKind kind) => kind switch
    {
        MilestoneKind.ShadowFormed => "Shadow consortium formed",
        MilestoneKind.Pathfinder => "Pathfinder status",
        MilestoneKind.DelegatedBudget => "Delegated budget",
        MilestoneKind.Authorised => "Authorised",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
