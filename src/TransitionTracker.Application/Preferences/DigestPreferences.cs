using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Notifications;

namespace TransitionTracker.Application.Preferences;

/// <summary>
/// A user's own choice of how often they are e-mailed their unread notifications (<see cref="DigestFrequency"/>:
/// daily, weekly or off), stored with their account. As with <see cref="DisplayPreferences"/>, a user reads and sets
/// only their own, and the change is audited as theirs.
/// </summary>
public sealed class DigestPreferences(DbContexts contexts)
{
    /// <summary>The input a problem with the choice belongs to.</summary>
    public const string FrequencyField = "frequency";

    private const int MaxAttempts = 3;

    /// <summary>The user's choice as stored now; null for nobody signed in or an account that no longer exists.</summary>
    public async Task<DigestFrequency?> GetAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return null;
        }

        await using var db = contexts.OpenForReading();
        return await db.Users.Where(u => u.Id == user.Id).Select(u => (DigestFrequency?)u.DigestFrequency).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Stores the user's choice, given by name (<c>Daily</c>, <c>Weekly</c> or <c>Off</c>, in any case).</summary>
    public async Task<EditOutcome> SetAsync(ActingUser? user, string? value, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return EditOutcome.NotFound();
        }

        var name = value?.Trim();
        DigestFrequency? choice = Enum.GetValues<DigestFrequency>().Cast<DigestFrequency?>()
            .FirstOrDefault(f => string.Equals(f.ToString(), name, StringComparison.OrdinalIgnoreCase));
        if (choice is null)
        {
            return EditOutcome.Invalid(FrequencyField, "Select how often to get e-mails: daily, weekly or never");
        }

        // As with the colour scheme: an administrator's change to the account saved meanwhile is no reason to refuse
        // the user's own choice, which is applied again to the account as it then is.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Open(user);
            var account = await db.Users.SingleOrDefaultAsync(u => u.Id == user.Id && !u.IsDisabled, cancellationToken);
            if (account is null)
            {
                return EditOutcome.NotFound();
            }

            account.DigestFrequency = choice.Value;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return EditOutcome.Saved();
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
            }
        }
    }
}
