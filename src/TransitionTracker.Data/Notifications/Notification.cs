namespace TransitionTracker.Data.Notifications;

/// <summary>
/// One message to one user (docs/architecture.md, "Reminders and notifications"): what it is about
/// (<see cref="Kind"/>, <see cref="AboutConsortium"/>), its words and the page it opens, when it was made, read and sent
/// in a digest. <see cref="DedupeKey"/> names the thing and the date the reminder is about; it is unique per recipient,
/// so the same reminder is never made twice for them, however often the reminder run runs.
/// </summary>
public sealed class Notification
{
    public const int TextMaxLength = 500;
    public const int LinkMaxLength = 300;
    public const int DedupeKeyMaxLength = 200;

    public long Id { get; set; }

    public string RecipientId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    /// <summary>The consortium it is about (not named ConsortiumCode, so that making one is no change to the consortium's pages): a reader who no longer may read it is not shown it.</summary>
    public string AboutConsortium { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The app's own page it opens, a path such as <c>/consortia/00G?tab=actions</c>.</summary>
    public string Link { get; set; } = "";

    public string DedupeKey { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ReadAtUtc { get; set; }

    /// <summary>When it went out in an e-mail digest; null until then (or for ever, for a user who chose none).</summary>
    public DateTime? EmailedAtUtc { get; set; }
}
