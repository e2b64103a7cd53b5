using Microsoft.AspNetCore.Identity;

namespace TransitionTracker.Data.Identity;

/// <summary>A person or script account. What they may see comes from their role assignments, not Identity roles.</summary>
public sealed class TransitionTrackerUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;

    /// <summary>Room for the longest colour scheme name, stored as text.</summary>
    public const int ColourSchemeMaxLength = 10;

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user is refused on their very next request, whatever cookie or token they hold.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The user's own choice of light or dark pages; <see cref="ColourScheme.System"/> until they choose.</summary>
    public ColourScheme ColourScheme { get; set; }
}
