using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace TransitionTracker.Web.Infrastructure.Circuits;

/// <summary>
/// What a page that paused while idle may be woken for (docs/architecture.md, "Idle pages"): its
/// <see cref="LiveInterest"/> and its user, protected with the app's data-protection keys (shared by every instance)
/// so that the browser can hold it but not change it, nor use another user's. It lasts twelve hours.
/// </summary>
public sealed class LiveWakeTokens(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("TransitionTracker.LiveWake.v1").ToTimeLimitedDataProtector();

    public string Issue(string userId, LiveInterest interest) =>
        _protector.Protect(
            JsonSerializer.Serialize(new Ticket(userId, interest.Reach, [.. interest.Consortia], [.. interest.Pcts], [.. interest.Kinds], interest.ShowsDrafts), TicketJson.Default.Ticket),
            DateTimeOffset.UtcNow + Lifetime);

    /// <summary>The interest a token carries for this user; null when it is not one of ours, has expired or is another user's.</summary>
    public LiveInterest? Read(string token, string userId)
    {
        try
        {
            var ticket = JsonSerializer.Deserialize(_protector.Unprotect(token), TicketJson.Default.Ticket);
            return ticket is not null && string.Equals(ticket.User, userId, StringComparison.Ordinal) && Enum.IsDefined(ticket.Reach)
                ? LiveInterest.From(ticket.Reach, ticket.Consortia ?? [], ticket.Pcts ?? [], ticket.Kinds ?? [], ticket.Drafts, ticket.User)
                : null;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    internal sealed record Ticket(string User, LiveReach Reach, string[]? Consortia, string[]? Pcts, string[]? Kinds, bool Drafts);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(LiveWakeTokens.Ticket))]
internal sealed partial class TicketJson : System.Text.Json.Serialization.JsonSerializerContext;
