using Microsoft.AspNetCore.Identity;
using TransitionTracker.Domain;

namespace TransitionTracker.Data.Identity;

/// <summary>
/// A person or script account. What they may see comes from their role assignments, not Identity roles. Its
/// <see cref="Revision"/> moves with every administrator's change to the account or its roles, so that a change based
/// on an older one is refused (docs/architecture.md, "Editing: one outcome, one revision rule").
/// </summary>
public sealed class TransitionTrackerUser : IdentityUser, IRevisioned
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>Room for the longest colour scheme name, stored as text.</summary>
    public const int ColourSchemeMaxLength = 10;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user is refused on their very next request, whatever cookie or token they hold.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The user's own choice of light or dark pages; <see cref="ColourScheme.System"/> until they choose.</summary>
    public ColourScheme ColourScheme { get; set; }

    /// <summary>How often the user is e-mailed their unread notifications; <see cref="Notifications.DigestFrequency.Daily"/> until they choose.</summary>
    public Notifications.DigestFrequency DigestFrequency { get; set; }

    /// <summary>The UK date of the last digest sent to the user (null before the first).</summary>
    public DateOnly? DigestSentOn { get; set; }

    /// <summary>
    /// Moved by every change an administrator makes (a role given or removed, the account disabled or enabled); not by
    /// the user's own choices, such as their colour scheme. Also the row's concurrency token.
    /// </summary>
    public int Revision { get; set; }
}
