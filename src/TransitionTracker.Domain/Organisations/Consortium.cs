namespace TransitionTracker.Domain.Organisations;

/// <summary>
/// A GP commissioning consortium: member practices (with dates) and one or more linked PCTs, one of which hosts
/// its transitional plan. Its population is the sum of its current members' list sizes. Its stage changes are kept
/// as history; once merged into another consortium it has no members and keeps its history (docs/architecture.md,
/// "Consortia as they formed").
/// </summary>
public sealed class Consortium
{
    private readonly List<ConsortiumMembership> _memberships = [];
    private readonly List<ConsortiumPct> _pcts = [];
    private readonly List<ConsortiumStageChange> _stageChanges = [];

    public Consortium(string code, string name, string regionCode, ConsortiumStage stage)
    {
        Code = OrganisationCode.Normalise(code);
        Name = name;
        RegionCode = OrganisationCode.Normalise(regionCode);
        Stage = stage;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The region of the host PCT.</summary>
    public string RegionCode { get; private set; }

    public ConsortiumStage Stage { get; private set; }

    public IReadOnlyList<ConsortiumMembership> Memberships => _memberships;

    public IReadOnlyList<ConsortiumPct> Pcts => _pcts;

    public IReadOnlyList<ConsortiumStageChange> StageChanges => _stageChanges;

    /// <summary>The consortium this one merged into, once it has; null while it stands on its own.</summary>
    public string? MergedIntoCode { get; private set; }

    /// <summary>The day it merged into <see cref="MergedIntoCode"/>.</summary>
    public DateOnly? MergedOn { get; private set; }

    public bool IsMerged => MergedIntoCode is not null;

    /// <summary>The consortium this one split from, when it was formed by a split; null otherwise.</summary>
    public string? SplitFromCode { get; private set; }

    /// <summary>The day it split from <see cref="SplitFromCode"/>.</summary>
    public DateOnly? SplitOn { get; private set; }

    /// <summary>
    /// Its latest submitted readiness assessment (default framework; latest by time, then by id), or null. Derived:
    /// the data layer rewrites it in the same transaction as every save that could change it.
    /// </summary>
    public int? LatestAssessmentId { get; private set; }

    /// <summary>Its latest regional track decision (highest id), or null. Derived, as <see cref="LatestAssessmentId"/>.</summary>
    public int? LatestDecisionId { get; private set; }

    /// <summary>
    /// The registered population of its current member practices (the sum of their list sizes). Derived, as
    /// <see cref="LatestAssessmentId"/>: rewritten with every save of a membership or a practice.
    /// </summary>
    public long Population { get; private set; }

    // Its forecast as at its latest submitted readiness assessment (docs/scoring.md, "Forecast"). Derived, as
    // LatestAssessmentId: rewritten with every save of its submitted readiness assessments.
    public Forecasting.ForecastOutcome ForecastOutcome { get; private set; }

    public DateOnly? ForecastFrom { get; private set; }

    public int ForecastToClose { get; private set; }

    public int ForecastClosed { get; private set; }

    public int ForecastWindowDays { get; private set; }

    /// <summary>Whether the forecast is at risk as at its latest submission; at a later date it can only become so.</summary>
    public bool ForecastAtRisk { get; private set; } = true;

    /// <summary>The stored forecast figures (<see cref="Forecasting.ForecastBasis"/>).</summary>
    public Forecasting.ForecastBasis Forecast => new(ForecastOutcome, ForecastFrom, ForecastToClose, ForecastClosed, ForecastWindowDays);

    /// <summary>Moves to another stage on a date, kept as history.</summary>
    public void ChangeStage(ConsortiumStage stage, DateOnly on)
    {
        if (IsMerged)
        {
            throw new InvalidOperationException($"Consortium {Code} has merged into {MergedIntoCode}.");
        }

        if (stage == Stage)
        {
            throw new InvalidOperationException($"Consortium {Code} is already at stage {stage}.");
        }

        _stageChanges.Add(new ConsortiumStageChange(Code, Stage, stage, on));
        Stage = stage;
    }

    /// <summary>
    /// Splits off <paramref name="formed"/>, a new consortium, on a date: the given current members leave this consortium
    /// and join it that day, and it is linked to this consortium's PCTs (the same host). Some members must stay.
    /// </summary>
    public void SplitOff(Consortium formed, IReadOnlyCollection<string> practiceCodes, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(formed);
        ArgumentNullException.ThrowIfNull(practiceCodes);
        var leaving = _memberships.Where(m => m.IsCurrent && practiceCodes.Contains(m.PracticeCode)).ToList();
        if (IsMerged || formed.Code == Code || formed.Memberships.Count > 0 || formed.Pcts.Count > 0
            || leaving.Count == 0 || leaving.Count != practiceCodes.Count || leaving.Count == _memberships.Count(m => m.IsCurrent))
        {
            throw new InvalidOperationException($"Consortium {Code} cannot split off {formed.Code} with those practices.");
        }

        foreach (var membership in leaving)
        {
            membership.Leave(on);
            formed.AddMember(membership.PracticeCode, on);
        }

        foreach (var pct in _pcts)
        {
            formed.LinkPct(pct.PctCode, pct.IsHost);
        }

        formed.SplitFromCode = Code;
        formed.SplitOn = on;
    }

    /// <summary>
    /// Merges into <paramref name="target"/> on a date: each current member leaves this consortium and joins the target
    /// that day, and the target is linked to this consortium's PCTs (so their managers keep the practices in scope).
    /// </summary>
    public void MergeInto(Consortium target, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsMerged || target.IsMerged || target.Code == Code)
        {
            throw new InvalidOperationException($"Consortium {Code} cannot merge into {target.Code}.");
        }

        foreach (var membership in _memberships.Where(m => m.IsCurrent).ToList())
        {
            membership.Leave(on);
            target.AddMember(membership.PracticeCode, on);
        }

        foreach (var pct in _pcts.Where(p => target.Pcts.All(t => t.PctCode != p.PctCode)))
        {
            target.LinkPct(pct.PctCode, isHost: false);
        }

        MergedIntoCode = target.Code;
        MergedOn = on;
    }

    public string? HostPctCode => _pcts.FirstOrDefault(p => p.IsHost)?.PctCode;

    public void LinkPct(string pctCode, bool isHost)
    {
        var code = OrganisationCode.Normalise(pctCode);
        if (_pcts.Any(p => p.PctCode == code))
        {
            throw new InvalidOperationException($"PCT {code} is already linked to consortium {Code}.");
        }

        if (isHost && _pcts.Any(p => p.IsHost))
        {
            throw new InvalidOperationException($"Consortium {Code} already has a host PCT.");
        }

        _pcts.Add(new ConsortiumPct(Code, code, isHost));
    }

    public void AddMember(string practiceCode, DateOnly joinedOn)
    {
        var code = OrganisationCode.Normalise(practiceCode);
        if (_memberships.Any(m => m.PracticeCode == code && m.LeftOn is null))
        {
            throw new InvalidOperationException($"Practice {code} is already a member of consortium {Code}.");
        }

        _memberships.Add(new ConsortiumMembership(Code, code, joinedOn));
    }
}
