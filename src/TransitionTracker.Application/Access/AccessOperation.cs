namespace TransitionTracker.Application.Access;

public enum AccessOperation
{
    /// <summary>See the organisation and what belongs to it.</summary>
    Read,

    /// <summary>Change checklists, plans, actions and indicators (PCT managers).</summary>
    Edit,

    /// <summary>Confirm or override a track (regional leads).</summary>
    Review,
}
