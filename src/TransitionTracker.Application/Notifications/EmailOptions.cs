namespace TransitionTracker.Application.Notifications;

/// <summary>
/// The <c>Email</c> settings (docs/operations.md, "E-mail"): the SMTP server the digests go through, and the address
/// the app is reached at, for the links in them. Without <c>Email:Smtp:Host</c> nothing is sent: each e-mail that
/// would have gone is logged (recipient and subject).
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The app's public address, put before each link in an e-mail.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
}

/// <summary>The <c>Email:Smtp</c> settings.</summary>
public sealed class SmtpOptions
{
    /// <summary>The SMTP server's host name; none means "do not send, log instead".</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c> (plain, for a relay on the same network), <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The sender, such as <c>Transition Tracker &lt;noreply@example.nhs.uk&gt;</c>.</summary>
    public string From { get; set; } = "Transition Tracker <noreply@transition-tracker.invalid>";

    /// <summary>Sign-in name for the server, if it wants one (with <see cref="Password"/>).</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
