namespace TransitionTracker.Domain.Organisations;

/// <summary>How far a GP commissioning consortium has progressed towards taking over commissioning.</summary>
public enum ConsortiumStage
{
    Shadow,
    Pathfinder,
    DelegatedBudget,
    Authorised,
}
