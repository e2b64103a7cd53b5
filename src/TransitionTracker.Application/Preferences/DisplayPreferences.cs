using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Editing;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Application.Preferences;

/// <summary>
/// A user's own choice of light or dark pages (<see cref="ColourScheme"/>), stored with their account so it follows
/// them to any browser. It belongs to no organisation, so there is no scope to check: a user reads and sets their own,
/// and there is no way to name anyone else's. Each page's layout needs no call here: <see cref="ActingUser.ColourScheme"/>
/// carries the choice as it stood when the request's user was read, in the same query.
/// </summary>
public sealed class DisplayPreferences(DbContexts contexts)
{
    /// <summary>The input a problem with the choice belongs to.</summary>
    public const string ColourSchemeField = "colour-scheme";

    private const int MaxAttempts = 3;

    /// <summary>
    /// The user's choice as stored now (one small query): for a component that outlives the request its
    /// <see cref="ActingUser"/> was read in. <see cref="ColourScheme.System"/> for nobody signed in, or an account
    /// that no longer exists.
    /// </summary>
    public async Task<ColourScheme> GetAsync(ActingUser? user, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return ColourScheme.System;
        }

        await using var db = contexts.OpenForReading();
        var stored = await db.Users
            .Where(u => u.Id == user.Id)
            .Select(u => (ColourScheme?)u.ColourScheme)
            .SingleOrDefaultAsync(cancellationToken);
        return stored ?? ColourScheme.System;
    }

    /// <summary>
    /// Stores the user's choice, given by name (<c>System</c>, <c>Light</c> or <c>Dark</c>, in any case). Nobody signed
    /// in, or an account that no longer exists or is disabled, is not found. The change is audited as the user's own; a
    /// choice already stored is saved without a write. The choice is not based on the account's revision (that covers
    /// administrators' changes, and this one leaves it alone): it applies to the account as it is when saved.
    /// </summary>
    public async Task<EditOutcome> SetAsync(ActingUser? user, string? value, CancellationToken cancellationToken)
    {
        if (user is null)
        {
            return EditOutcome.NotFound();
        }

        var choice = Parse(value);
        if (choice is null)
        {
            return EditOutcome.Invalid(ColourSchemeField, "Select a colour scheme: System, Light or Dark");
        }

        // Identity keeps a concurrency stamp on the account, so an administrator's change to it (disabling, a new
        // security stamp) saved between this read and this save refuses the save. The choice is the user's alone and
        // overwrites nothing of theirs, so it is applied again to the account as it then is.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.Open(user);
            var account = await db.Users.SingleOrDefaultAsync(u => u.Id == user.Id && !u.IsDisabled, cancellationToken);
            if (account is null)
            {
                return EditOutcome.NotFound();
            }

            account.ColourScheme = choice.Value;
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

    // By name only: a number, or several names joined by commas, is no choice a person made.
    private static ColourScheme? Parse(string? value)
    {
        var name = value?.Trim();
        return Enum.GetValues<ColourScheme>().Cast<ColourScheme?>()
            .FirstOrDefault(s => string.Equals(s.ToString(), name, StringComparison.OrdinalIgnoreCase));
    }
}
