namespace TransitionTracker.Domain.Organisations;

/// <summary>
/// A GP commissioning consortium: member practices (with dates) and one or more linked PCTs, one of which hosts
/// its transitional plan. Its population is the sum of its current members' list sizes.
/// </summary>
public sealed class Consortium
{
    private readonly List<ConsortiumMembership> _memberships = [];
    private readonly List<ConsortiumPct> _pcts = [];

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
