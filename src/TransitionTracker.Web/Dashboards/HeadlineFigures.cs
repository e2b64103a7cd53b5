namespace TransitionTracker.Web.Dashboards;

/// <summary>
/// A dashboard's headline figures over the consortia in view. Tracks are effective tracks. The population share is
/// the population of fast-mover consortia over the registered population of the area (all its practices).
/// </summary>
public sealed record HeadlineFigures(
    int Consortia,
    int FastMovers,
    int NeedsSupport,
    int NotAssessed,
    long FastMoverPopulation,
    long RegisteredPopulation,
    int OverdueActions,
    int NotRecentlyAssessed)
{
    /// <summary>Fast movers' population as a share (0 to 1) of the registered population, rounded to 4 places.</summary>
    public double FastMoverPopulationShare =>
        RegisteredPopulation == 0 ? 0 : Math.Round((double)FastMoverPopulation / RegisteredPopulation, 4, MidpointRounding.AwayFromZero);

    public static HeadlineFigures Sum(IEnumerable<HeadlineFigures> parts) =>
        parts.Aggregate(
            new HeadlineFigures(0, 0, 0, 0, 0, 0, 0, 0),
            (a, b) => new HeadlineFigures(
                a.Consortia + b.Consortia,
                a.FastMovers + b.FastMovers,
                a.NeedsSupport + b.NeedsSupport,
                a.NotAssessed + b.NotAssessed,
                a.FastMoverPopulation + b.FastMoverPopulation,
                a.RegisteredPopulation + b.RegisteredPopulation,
                a.OverdueActions + b.OverdueActions,
                a.NotRecentlyAssessed + b.NotRecentlyAssessed));
}
