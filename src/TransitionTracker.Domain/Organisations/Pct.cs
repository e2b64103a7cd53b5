namespace TransitionTracker.Domain.Organisations;

/// <summary>A Primary Care Trust in the 2010 structure, for example 5A3.</summary>
public sealed class Pct
{
    public Pct(string code, string name, string regionCode, string? onsCode)
    {
        Code = OrganisationCode.Normalise(code);
        Name = name;
        RegionCode = OrganisationCode.Normalise(regionCode);
        OnsCode = onsCode;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    public string? OnsCode { get; private set; }
}
