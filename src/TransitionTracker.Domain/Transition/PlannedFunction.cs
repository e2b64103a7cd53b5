using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Transition;

/// <summary>A function the PCT delivers today, and where it goes (functions before structures).</summary>
public sealed class PlannedFunction : IRevisioned
{
    public const int NameMaxLength = 200;

    public PlannedFunction(string consortiumCode, string name, ReceivingBody receivingBody, FunctionStatus status, DateOnly? targetOn)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        Name = name;
        ReceivingBody = receivingBody;
        Status = status;
        TargetOn = targetOn;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string Name { get; private set; }

    public ReceivingBody ReceivingBody { get; private set; }

    public FunctionStatus Status { get; private set; }

    public DateOnly? TargetOn { get; private set; }

    public int Revision { get; private set; }

    public void Update(string name, ReceivingBody receivingBody, FunctionStatus status, DateOnly? targetOn)
    {
        Name = name;
        ReceivingBody = receivingBody;
        Status = status;
        TargetOn = targetOn;
        Revision++;
    }
}
