namespace TransitionTracker.Data.Identity;

/// <summary>
/// Failed sign-ins at one account from one client address, or from every address together (<see cref="AnySource"/>),
/// and until when further attempts are refused without checking the password. Kept in the database so that every
/// app instance applies the same limits.
/// </summary>
public sealed class SignInThrottle
{
    public const int SourceMaxLength = 64;

    /// <summary>The <see cref="Source"/> of the row that counts an account's failures from every address together.</summary>
    public const string AnySource = "*";

    public string UserId { get; set; } = "";

    /// <summary>The client's IP address, or <see cref="AnySource"/>.</summary>
    public string Source { get; set; } = "";

    public int Failures { get; set; }

    /// <summary>When the first failure counted in <see cref="Failures"/> happened.</summary>
    public DateTime WindowStartUtc { get; set; }

    public DateTime? BlockedUntilUtc { get; set; }
}
