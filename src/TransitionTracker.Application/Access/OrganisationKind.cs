namespace TransitionTracker.Application.Access;

public enum OrganisationKind
{
    Region,
    Pct,
    Consortium,
}
