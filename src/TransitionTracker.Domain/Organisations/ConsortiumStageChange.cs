namespace TransitionTracker.Domain.Organisations;

/// <summary>A consortium moving from one stage to another on a date, as a regional lead recorded it.</summary>
public sealed class ConsortiumStageChange
{
    public ConsortiumStageChange(string consortiumCode, ConsortiumStage fromStage, ConsortiumStage toStage, DateOnly changedOn)
    {
        ConsortiumCode = consortiumCode;
        FromStage = fromStage;
        ToStage = toStage;
        ChangedOn = changedOn;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public ConsortiumStage FromStage { get; private set; }

    public ConsortiumStage ToStage { get; private set; }

    public DateOnly ChangedOn { get; private set; }
}
