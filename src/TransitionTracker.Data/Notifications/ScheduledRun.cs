namespace TransitionTracker.Data.Notifications;

/// <summary>
/// One run of a scheduled job (docs/operations.md, "Scheduled jobs"): which job, which firing of its trigger, the day
/// it ran for, the instance that ran it, and what it made. <see cref="FireId"/> is the scheduler's id of the firing, unique per
/// firing and instance; <see cref="ScheduledForUtc"/> says which firing it was.
/// </summary>
public sealed class ScheduledRun
{
    public const int JobMaxLength = 100;
    public const int FireIdMaxLength = 200;
    public const int InstanceMaxLength = 200;

    public long Id { get; set; }

    public string Job { get; set; } = "";

    public string FireId { get; set; } = "";

    /// <summary>The time the trigger was due to fire (UTC): two rows with the same job and time are one firing run twice.</summary>
    public DateTime ScheduledForUtc { get; set; }

    public DateOnly RunFor { get; set; }

    public string Instance { get; set; } = "";

    public DateTime StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public int NotificationsMade { get; set; }

    public int MailsSent { get; set; }
}
