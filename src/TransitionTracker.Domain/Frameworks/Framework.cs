using System.Collections.Frozen;

namespace TransitionTracker.Domain.Frameworks;

/// <summary>
/// A validated, immutable readiness framework (docs/scoring.md, "Framework documents"). Built only by
/// <see cref="FrameworkLoader"/>, so code holding one can trust every rule already holds.
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
        // dashboard, and arrays of numbers keep its loops free of pointer chasing.
        CriteriaGroupedByDomain = criteriaByDomain.SelectMany(group => group.Select(c => c.Index)).ToArray();
        DomainGroupStarts = new int[domains.Length + 1];
        for (var d = 0; d < domains.Length; d++)
        {
            DomainGroupStarts[d + 1] = DomainGroupStarts[d] + criteriaByDomain[d].Length;
        }

        CriterionIds = criteria.Select(c => c.Id).ToArray();
        CriterionWeights = criteria.Select(c => c.Weight).ToArray();
        CriterionDomains = criteria.Select(c => c.DomainIndex).ToArray();
        CriterionEssential = criteria.Select(c => c.Essential).ToArray();
        EssentialCriteria = criteria.Where(c => c.Essential).Select(c => c.Index).ToArray();
        CriteriaByIdRank = criteria.OrderBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Index).ToArray();
        CriterionIdRanks = new int[criteria.Length];
        for (var rank = 0; rank < CriteriaByIdRank.Length; rank++)
        {
            CriterionIdRanks[CriteriaByIdRank[rank]] = rank;
        }

        DomainArray = domains;
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

    internal string[] CriterionIds { get; }

    internal double[] CriterionWeights { get; }

    /// <summary>
    /// Criterion indices grouped by domain, so the scorer can total a domain in one run with the sums held in
    /// registers; domain d's group is from <see cref="DomainGroupStarts"/>[d] up to [d + 1].
    /// </summary>
    internal int[] CriteriaGroupedByDomain { get; }

    internal int[] DomainGroupStarts { get; }

    internal int[] CriterionDomains { get; }

    internal bool[] CriterionEssential { get; }

    /// <summary>Indices of the essential criteria, so checking them does not walk every criterion.</summary>
    internal int[] EssentialCriteria { get; }

    /// <summary>Each criterion's place in ordinal id order, so next steps can be tie-broken without comparing strings.</summary>
    internal int[] CriterionIdRanks { get; }

    /// <summary>The inverse of <see cref="CriterionIdRanks"/>: criterion index by place in id order.</summary>
    internal int[] CriteriaByIdRank { get; }

    /// <summary>The domains as an array, which the scorer indexes without an interface call.</summary>
    internal FrameworkDomain[] DomainArray { get; }

    internal double[] DomainWeights { get; }

    internal double[] DomainFloors { get; }

    internal double LevelMin { get; }

    /// <summary>maxLevel − minLevel, held as a double so extreme levels cannot overflow.</summary>
    internal double LevelSpan { get; }

    // TryGetValue on the frozen dictionary itself, not the GetValueOrDefault extension, which goes through an
    // interface: this look-up runs once per scored response.
    public Criterion? FindCriterion(string id) => criteriaById.TryGetValue(id, out var criterion) ? criterion : null;

    public FrameworkDomain? FindDomain(string id) => domainsById.TryGetValue(id, out var domain) ? domain : null;

    /// <summary>The criteria of a domain in framework order; empty for an unknown domain.</summary>
    public IReadOnlyList<Criterion> CriteriaOf(string domainId) =>
        domainsById.TryGetValue(domainId, out var domain) ? criteriaByDomain[domain.Index] : [];

    public override string ToString() => $"{Id} v{Version}";
}
