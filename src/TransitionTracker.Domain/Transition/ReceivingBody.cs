namespace TransitionTracker.Domain.Transition;

/// <summary>Where a PCT function or its staff go in the transition.</summary>
public enum ReceivingBody
{
    Consortium,
    NhsCommissioningBoard,
    LocalAuthority,
    CommissioningSupport,
    SocialEnterprise,
}
