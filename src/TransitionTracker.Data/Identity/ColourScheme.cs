namespace TransitionTracker.Data.Identity;

/// <summary>
/// How a user wants pages coloured, stored with their account so it follows them to any browser. Stored by name
/// (<c>System</c>, <c>Light</c>, <c>Dark</c>).
/// </summary>
public enum ColourScheme
{
    /// <summary>Follow the browser's own setting (<c>prefers-color-scheme</c>): every account's until they choose.</summary>
    System,

    Light,

    Dark,
}
