namespace TransitionTracker.Domain.Organisations;

/// <summary>A Strategic Health Authority (SHA), for example Q30 North East.</summary>
public sealed class Region
{
    public Region(string code, string name, string? onsCode)
    {
        Code = OrganisationCode.Normalise(code);
        Name = name;
        OnsCode = onsCode;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string? OnsCode { get; private set; }
}
