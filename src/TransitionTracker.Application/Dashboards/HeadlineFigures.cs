namespace TransitionTracker.Application.Dashboards;

/// <summary>
/// A dashboard's headline figures over the consortia in view, as at the reference date. Tracks are effective tracks.
/// Both sides of the population share have the same scope, the consortia in view: the registered population of the
/// fast movers among them over the registered population of them all.
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
    /// <summary>Fast movers' population as a share (0 to 1) of the consortia's registered population, rounded to 4 places.</summary>
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
