namespace TransitionTracker.Data.Notifications;

/// <summary>What a notification is about; stored by name.</summary>
public enum NotificationKind
{
    /// <summary>An open support action due within the next days.</summary>
    ActionDueSoon,

    /// <summary>An open support action past its due date.</summary>
    ActionOverdue,

    /// <summary>The consortium's latest submitted assessment is more than three months old.</summary>
    AssessmentStale,

    /// <summary>A planned milestone within the next 14 days.</summary>
    MilestoneComing,

    /// <summary>A regional lead confirmed or overrode the consortium's track.</summary>
    TrackDecided,
}
