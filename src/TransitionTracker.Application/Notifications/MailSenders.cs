using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TransitionTracker.Application.Notifications;

/// <summary>One e-mail to one person, in plain text.</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Body);

/// <summary>Sends e-mail: through SMTP when <c>Email:Smtp:Host</c> is set, otherwise only logs it.</summary>
public interface IMailSender
{
    /// <summary>Whether mail really leaves (false: it is logged instead).</summary>
    bool Sends { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Sends each e-mail through the configured SMTP server (MailKit), signing in when a user name is set.</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public bool Sends => true;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Sent e-mail to {Recipient}: {Subject}", mail.ToAddress, mail.Subject);
    }

    private static SecureSocketOptions Security(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "SSLONCONNECT" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}

/// <summary>With no SMTP server configured: one log line per e-mail, with its recipient and subject, and nothing sent.</summary>
public sealed class LoggedMailSender(ILogger<LoggedMailSender> logger) : IMailSender
{
    public bool Sends => false;

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        logger.LogInformation("No SMTP server configured (Email:Smtp:Host): would send e-mail to {Recipient}: {Subject}", mail.ToAddress, mail.Subject);
        return Task.CompletedTask;
    }
}
