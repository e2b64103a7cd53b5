namespace TransitionTracker.Web.Access;

public enum OrganisationKind
{
    Region,
    Pct,
    Consortium,
}
