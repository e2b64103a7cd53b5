using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Domain.SupportActions;

/// <summary>Development support for a needs-support consortium, aimed at one criterion, with an owner and a due date.</summary>
public sealed class SupportAction : IRevisioned
{
    public const int DescriptionMaxLength = 500;
    public const int OwnerMaxLength = 100;

    public SupportAction(string consortiumCode, string criterionId, string description, string owner, DateOnly dueOn, string createdBy, DateTime createdAtUtc)
    {
        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        CriterionId = criterionId;
        Description = description;
        Owner = owner;
        DueOn = dueOn;
        Status = SupportActionStatus.NotStarted;
        CreatedBy = createdBy;
        CreatedAtUtc = createdAtUtc;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string CriterionId { get; private set; }

    public string Description { get; private set; }

    public string Owner { get; private set; }

    public DateOnly DueOn { get; private set; }

    public SupportActionStatus Status { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public int Revision { get; private set; }

    public bool IsOpen => Status != SupportActionStatus.Done;

    /// <summary>
    /// Overdue: open, due before today, and <paramref name="criterionMet"/> false, that is its criterion is not met
    /// in the consortium's latest submitted assessment. Once the criterion is met the action is not late but ready
    /// to close (<see cref="IsReadyToClose"/>).
    /// </summary>
    public bool IsOverdue(DateOnly today, bool criterionMet) => IsOpen && !criterionMet && DueOn < today;

    /// <summary>Open although its criterion is met in the consortium's latest submitted assessment: someone should close it.</summary>
    public bool IsReadyToClose(bool criterionMet) => IsOpen && criterionMet;

    public void Update(string criterionId, string description, string owner, DateOnly dueOn, SupportActionStatus status)
    {
        CriterionId = criterionId;
        Description = description;
        Owner = owner;
        DueOn = dueOn;
        Status = status;
        Revision++;
    }
}
