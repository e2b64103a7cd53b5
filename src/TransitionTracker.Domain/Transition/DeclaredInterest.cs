using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Transition;

/// <summary>An entry in a consortium's conflicts-of-interest register.</summary>
public sealed class DeclaredInterest : IRevisioned
{
    public const int PersonMaxLength = 200;
    public const int TextMaxLength = 1000;

    public DeclaredInterest(string consortiumCode, string person, string interest, DateOnly declaredOn, string management)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        Person = person;
        Interest = interest;
        DeclaredOn = declaredOn;
        Management = management;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string Person { get; private set; }

    public string Interest { get; private set; }

    public DateOnly DeclaredOn { get; private set; }

    /// <summary>How the conflict is managed, for example "withdraws from decisions on community services".</summary>
    public string Management { get; private set; }

    public int Revision { get; private set; }

    public void Update(string person, string interest, DateOnly declaredOn, string management)
    {
        Person = person;
        Interest = interest;
        DeclaredOn = declaredOn;
        Management = management;
        Revision++;
    }
}
