using System.Collections.Frozen;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>
/// A validated, immutable readiness framework (PRODUCT §4). Built only by <see cref="FrameworkLoader"/>, so code
/// holding one can trust every rule already holds.
/// </summary>
public sealed class Framework
{
    private readonly FrozenDictionary<string, Criterion> criteriaById;
    private readonly FrozenDictionary<string, FrameworkDomain> domainsById;
    private readonly Criterion[][] criteriaByDomain;

    internal Framework(
        string id,
        int version,
        string name,
        FrameworkScale scale,
        int? minLevel,
        int? maxLevel,
        double fastMoverThreshold,
        double domainFloor,
        FrameworkDomain[] domains,
        Criterion[] criteria)
    {
        Id = id;
        Version = version;
        Name = name;
        Scale = scale;
        MinLevel = minLevel;
        MaxLevel = maxLevel;
        FastMoverThreshold = fastMoverThreshold;
        DomainFloor = domainFloor;
        Domains = domains;
        Criteria = criteria;

        criteriaById = criteria.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
        domainsById = domains.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
        criteriaByDomain = domains
            .Select(d => criteria.Where(c => c.DomainIndex == d.Index).ToArray())
            .ToArray();

        // The scorer walks these flat arrays instead of the objects above: it runs for every consortium on every
        // dashboard, and arrays of numbers keep its loop free of pointer chasing.
        CriterionWeights = criteria.Select(c => c.Weight).ToArray();
        CriterionDomains = criteria.Select(c => c.DomainIndex).ToArray();
        CriterionEssential = criteria.Select(c => c.Essential).ToArray();
        CriterionIdRanks = new int[criteria.Length];
        var byId = criteria.OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
        for (var rank = 0; rank < byId.Length; rank++)
        {
            CriterionIdRanks[byId[rank].Index] = rank;
        }

        DomainWeights = domains.Select(d => d.Weight).ToArray();
        DomainFloors = domains.Select(d => d.Floor).ToArray();
        LevelMin = minLevel ?? 0;
        LevelSpan = (double?)maxLevel - minLevel ?? 0;
    }

    public string Id { get; }

    /// <summary>Editing a framework publishes a new version; assessments keep the version they were made against.</summary>
    public int Version { get; }

    public string Name { get; }

    public FrameworkScale Scale { get; }

    /// <summary>The lowest level on the <see cref="FrameworkScale.Levels"/> scale; null on the status scale.</summary>
    public int? MinLevel { get; }

    /// <summary>The highest level on the <see cref="FrameworkScale.Levels"/> scale; null on the status scale.</summary>
    public int? MaxLevel { get; }

    /// <summary>The overall score (0–100) a fast mover must reach.</summary>
    public double FastMoverThreshold { get; }

    /// <summary>The floor of every domain that does not set its own.</summary>
    public double DomainFloor { get; }

    public IReadOnlyList<FrameworkDomain> Domains { get; }

    public IReadOnlyList<Criterion> Criteria { get; }

    internal double[] CriterionWeights { get; }

    internal int[] CriterionDomains { get; }

    internal bool[] CriterionEssential { get; }

    /// <summary>Each criterion's place in ordinal id order, so next steps can be tie-broken without comparing strings.</summary>
    internal int[] CriterionIdRanks { get; }

    internal double[] DomainWeights { get; }

    internal double[] DomainFloors { get; }

    internal double LevelMin { get; }

    /// <summary>maxLevel − minLevel, held as a double so extreme levels cannot overflow.</summary>
    internal double LevelSpan { get; }

    public Criterion? FindCriterion(string id) => criteriaById.GetValueOrDefault(id);

    public FrameworkDomain? FindDomain(string id) => domainsById.GetValueOrDefault(id);

    /// <summary>The criteria of a domain in framework order; empty for an unknown domain.</summary>
    public IReadOnlyList<Criterion> CriteriaOf(string domainId) =>
        domainsById.TryGetValue(domainId, out var domain) ? criteriaByDomain[domain.Index] : [];

    public override string ToString() => $"{Id} v{Version}";
}
