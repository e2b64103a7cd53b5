namespace TransitionTracker.Domain.Organisations;

/// <summary>A practice's membership of a consortium. Practices choose their consortium, and may leave it.</summary>
public sealed class ConsortiumMembership
{
    public ConsortiumMembership(string consortiumCode, string practiceCode, DateOnly joinedOn)
    {
        ConsortiumCode = consortiumCode;
        PracticeCode = practiceCode;
        JoinedOn = joinedOn;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    public string PracticeCode { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public bool IsCurrent => LeftOn is null;

    public void Leave(DateOnly leftOn)
    {
        if (leftOn < JoinedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(leftOn), leftOn, "A practice cannot leave before it joined.");
        }

        LeftOn = leftOn;
    }
}
