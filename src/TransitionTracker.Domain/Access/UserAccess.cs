namespace TransitionTracker.Domain.Access;

/// <summary>
/// What one user may read and change, from their role assignments. The rules (docs/security.md, "Roles and scopes"):
/// administrators and national viewers read everything; a regional lead reads their region, its PCTs and every
/// consortium hosted in it; a PCT manager reads and edits the consortia linked to their PCTs and
/// reads those PCTs; a consortium lead reads their consortium. A consortium belongs to the region of its host PCT. A region is readable by anyone who may read something
/// in it (its pages then list only what they may read). Only administrators manage users.
/// </summary>
public sealed class UserAccess
{
    public static readonly UserAccess None = new([], new Dictionary<string, string>());

    private readonly HashSet<string> _regions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pcts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _consortia = new(StringComparer.Ordinal);

    /// <param name="assignments">The user's role assignments.</param>
    /// <param name="pctRegions">The region of every PCT named in a PCT manager assignment.</param>
    public UserAccess(IEnumerable<RoleAssignment> assignments, IReadOnlyDictionary<string, string> pctRegions)
    {
        Assignments = assignments.ToList();
        foreach (var assignment in Assignments)
        {
            switch (assignment.Role)
            {
                case Role.Administrator:
                    IsAdministrator = true;
                    ReadsEverything = true;
                    break;
                case Role.NationalViewer:
                    ReadsEverything = true;
                    break;
                case Role.RegionalLead:
                    _regions.Add(assignment.ScopeCode!);
                    break;
                case Role.PctManager:
                    _pcts.Add(assignment.ScopeCode!);
                    break;
                case Role.ConsortiumLead:
                    _consortia.Add(assignment.ScopeCode!);
                    break;
            }
        }

        foreach (var pct in _pcts)
        {
            if (pctRegions.TryGetValue(pct, out var region))
            {
                PctManagerRegions.Add(region);
            }
        }
    }

    public IReadOnlyList<RoleAssignment> Assignments { get; }

    public bool IsAdministrator { get; }

    public bool ReadsEverything { get; }

    /// <summary>Regions a regional lead holds.</summary>
    public IReadOnlySet<string> LeadRegions => _regions;

    /// <summary>PCTs a PCT manager holds.</summary>
    public IReadOnlySet<string> ManagedPcts => _pcts;

    /// <summary>Consortia a consortium lead holds.</summary>
    public IReadOnlySet<string> LedConsortia => _consortia;

    private HashSet<string> PctManagerRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A text that is equal for two users exactly when they may read the same things: "all" for those who read
    /// everything, otherwise their regions, PCTs and consortia in order. Results that depend on the reader's scope can
    /// be shared under it.
    /// </summary>
    public string ScopeKey => _scopeKey ??= ReadsEverything
        ? "all"
        : $"r:{string.Join(',', _regions.Order(StringComparer.Ordinal))};p:{string.Join(',', _pcts.Order(StringComparer.Ordinal))};c:{string.Join(',', _consortia.Order(StringComparer.Ordinal))}";

    private string? _scopeKey;

    public bool CanReadRegion(string regionCode) =>
        ReadsEverything || _regions.Contains(regionCode) || PctManagerRegions.Contains(regionCode);

    public bool CanReadPct(string pctCode, string regionCode) =>
        ReadsEverything || _regions.Contains(regionCode) || _pcts.Contains(pctCode);

    public bool CanReadConsortium(ConsortiumRef consortium) =>
        ReadsEverything
        || _consortia.Contains(consortium.Code)
        || _regions.Contains(consortium.RegionCode)
        || consortium.PctCodes.Any(p => _pcts.Contains(p));

    /// <summary>Changing checklists, plans, actions and indicators: PCT managers of a linked PCT.</summary>
    public bool CanEditConsortium(ConsortiumRef consortium) => consortium.PctCodes.Any(p => _pcts.Contains(p));

    /// <summary>Entering a PCT's quality and finance indicators: PCT managers of that PCT.</summary>
    public bool CanEditPct(string pctCode) => _pcts.Contains(pctCode);

    /// <summary>Confirming or overriding a track: regional leads of the consortium's region.</summary>
    public bool CanReviewConsortium(ConsortiumRef consortium) => _regions.Contains(consortium.RegionCode);
}
