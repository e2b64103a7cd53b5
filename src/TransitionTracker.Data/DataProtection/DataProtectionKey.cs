namespace TransitionTracker.Data.DataProtection;

/// <summary>
/// One ASP.NET Core data-protection key as the key manager wrote it (an XML element). Kept in the database so that
/// every instance of the app signs and reads cookies, antiforgery tokens and bearer tokens with the same keys.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = "";
}
