using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Peers;

/// <summary>A consortium as the peer rule sees it: where it is, how many patients, the track it started from.</summary>
public sealed record PeerCandidate(string Code, string RegionCode, long Population, Track? StartedAs, bool EverFastMover);

/// <summary>
/// Which consortia are like another (docs/scoring.md, "Peers"): those in the same population band that started from
/// the same track (any track when it has not been assessed yet), assessed at least once; those in its region first,
/// then those that have been a fast mover, then the nearest in size, then by code. At most <see cref="Limit"/>.
/// </summary>
public static class PeerRule
{
    public const int Limit = 5;

    public static IReadOnlyList<PeerCandidate> Choose(PeerCandidate consortium, IEnumerable<PeerCandidate> others, int limit = Limit)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        ArgumentNullException.ThrowIfNull(others);
        var band = PopulationBands.Of(consortium.Population);
        return others
            .Where(o => o.Code != consortium.Code && o.StartedAs is not null && PopulationBands.Of(o.Population) == band)
            .Where(o => consortium.StartedAs is null || o.StartedAs == consortium.StartedAs)
            .OrderByDescending(o => o.RegionCode == consortium.RegionCode)
            .ThenByDescending(o => o.EverFastMover)
            .ThenBy(o => Math.Abs(o.Population - consortium.Population))
            .ThenBy(o => o.Code, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
