namespace TransitionTracker.Application.Editing;

/// <summary>What an edit did.</summary>
public enum EditStatus
{
    /// <summary>The change is stored (or there was nothing to change).</summary>
    Saved,

    /// <summary>Refused: the input has problems (<see cref="EditOutcome.Problems"/>). Nothing was changed.</summary>
    Invalid,

    /// <summary>Refused: someone saved the record after the editor read it (<see cref="EditOutcome.Conflict"/>). Nothing was changed.</summary>
    Conflict,

    /// <summary>Refused: there is no such record, or the acting user may not change it. Nothing was changed.</summary>
    NotFound,
}
