namespace TransitionTracker.Domain.Transition;

/// <summary>The steps to authorisation; April 2013 is the national deadline for the last.</summary>
public enum MilestoneKind
{
    ShadowFormed,
    Pathfinder,
    DelegatedBudget,
    Authorised,
}
