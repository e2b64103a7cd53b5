using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Transition;

/// <summary>PCT staff moving with a function, so their skills are not lost.</summary>
public sealed class StaffTransfer : IRevisioned
{
    public const int FunctionMaxLength = 200;

    public StaffTransfer(string consortiumCode, string function, int headcount, ReceivingBody destination)
    {
        if (headcount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(headcount), headcount, "A transfer moves at least one person.");
        }

        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        Function = function;
        Headcount = headcount;
        Destination = destination;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string Function { get; private set; }

    public int Headcount { get; private set; }

    public ReceivingBody Destination { get; private set; }

    public int Revision { get; private set; }

    public void Update(string function, int headcount, ReceivingBody destination)
    {
        if (headcount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(headcount), headcount, "A transfer moves at least one person.");
        }

        Function = function;
        Headcount = headcount;
        Destination = destination;
        Revision++;
    }
}
