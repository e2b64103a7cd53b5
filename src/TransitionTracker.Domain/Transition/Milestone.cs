using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.Transition;

/// <summary>One step to authorisation, planned and (once reached) actual.</summary>
public sealed class Milestone : IRevisioned
{
    public Milestone(string consortiumCode, MilestoneKind kind, DateOnly? plannedOn, DateOnly? achievedOn)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        Kind = kind;
        PlannedOn = plannedOn;
        AchievedOn = achievedOn;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public MilestoneKind Kind { get; private set; }

    public DateOnly? PlannedOn { get; private set; }

    public DateOnly? AchievedOn { get; private set; }

    public int Revision { get; private set; }

    /// <summary>Planned (or reached) after the national deadline of April 2013.</summary>
    public bool IsLate => (AchievedOn ?? PlannedOn) is { } date && date > TransitionNames.NationalDeadline;

    public void Update(DateOnly? plannedOn, DateOnly? achievedOn)
    {
        PlannedOn = plannedOn;
        AchievedOn = achievedOn;
        Revision++;
    }
}
