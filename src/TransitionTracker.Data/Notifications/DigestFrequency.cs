namespace TransitionTracker.Data.Notifications;

/// <summary>How often a user is sent an e-mail of their unread notifications; stored by name.</summary>
public enum DigestFrequency
{
    /// <summary>Every day there is something new: every account's until they choose.</summary>
    Daily,

    /// <summary>Once a week, on Mondays (UK).</summary>
    Weekly,

    /// <summary>No e-mail; notifications show in the app only.</summary>
    Off,
}
