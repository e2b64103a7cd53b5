namespace TransitionTracker.Domain.Organisations;

/// <summary>A GP practice with its registered list size.</summary>
public sealed class Practice
{
    public Practice(string code, string name, string pctCode, int listSize, string pctSource)
    {
        if (listSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(listSize), listSize, "A list size cannot be negative.");
        }

        Code = OrganisationCode.Normalise(code);
        Name = name;
        PctCode = OrganisationCode.Normalise(pctCode);
        ListSize = listSize;
        PctSource = pctSource;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string PctCode { get; private set; }

    public int ListSize { get; private set; }

    /// <summary>How the practice's PCT was found: the reference data infers it for almost every practice.</summary>
    public string PctSource { get; private set; }
}
