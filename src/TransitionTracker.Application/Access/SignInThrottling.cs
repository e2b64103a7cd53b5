using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Data.Auditing;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Application.Access;

/// <summary>
/// Slows password guessing without locking the owner out (docs/security.md, "Failed sign-ins"). Failures are counted
/// per account and client address: after <see cref="FreeFailures"/> that pair must wait before its next attempt,
/// twice as long after each further failure, up to <see cref="MaxDelay"/>. Failures at one account from every address
/// together are capped at <see cref="MaxFailuresPerAccountPerHour"/>. A refused attempt is not checked at all.
/// Nobody is signed in yet when these are called, so they take no acting user; the client's address is an argument
/// (<c>source</c>), and each call opens its own context (the counts are not audited).
/// </summary>
public sealed class SignInThrottling(DbContexts contexts, TimeProvider clock)
{
    public const int FreeFailures = 5;

    public const int MaxFailuresPerAccountPerHour = 100;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);

    // A pair's count starts again a day after its first failure.
    private static readonly TimeSpan PairWindow = TimeSpan.FromDays(1);

    private static readonly TimeSpan AccountWindow = TimeSpan.FromHours(1);

    /// <summary>True when attempts at this account from this address must wait.</summary>
    public async Task<bool> IsBlockedAsync(string userId, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.OpenForReading();
        return await db.SignInThrottles
            .AnyAsync(t => t.UserId == userId && (t.Source == source || t.Source == SignInThrottle.AnySource) && t.BlockedUntilUtc > now, cancellationToken);
    }

    public async Task FailedAsync(string userId, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.Open(new AuditActor());
        var rows = await db.SignInThrottles
            .Where(t => t.UserId == userId && (t.Source == source || t.Source == SignInThrottle.AnySource))
            .ToListAsync(cancellationToken);

        var pair = Count(db, rows, userId, source, now, PairWindow);
        if (pair.Failures >= FreeFailures)
        {
            var doublings = Math.Min(pair.Failures - FreeFailures, 10);
            var delay = FirstDelay * (1 << doublings);
            pair.BlockedUntilUtc = now + (delay < MaxDelay ? delay : MaxDelay);
        }

        var account = Count(db, rows, userId, SignInThrottle.AnySource, now, AccountWindow);
        if (account.Failures >= MaxFailuresPerAccountPerHour)
        {
            account.BlockedUntilUtc = account.WindowStartUtc + AccountWindow;
        }

        await SaveAsync(db, cancellationToken);
    }

    /// <summary>A successful sign-in clears its address's count; the account-wide count runs out on its own.</summary>
    public async Task SucceededAsync(string userId, string source, CancellationToken cancellationToken)
    {
        await using var db = contexts.Open(new AuditActor());
        var pair = await db.SignInThrottles.SingleOrDefaultAsync(t => t.UserId == userId && t.Source == source, cancellationToken);
        if (pair is not null)
        {
            db.SignInThrottles.Remove(pair);
            await SaveAsync(db, cancellationToken);
        }
    }

    private static SignInThrottle Count(TransitionTrackerDbContext db, List<SignInThrottle> rows, string userId, string source, DateTime now, TimeSpan window)
    {
        var row = rows.FirstOrDefault(r => r.Source == source);
        if (row is null)
        {
            row = new SignInThrottle { UserId = userId, Source = source, WindowStartUtc = now };
            db.SignInThrottles.Add(row);
        }
        else if (row.WindowStartUtc + window <= now)
        {
            row.Failures = 0;
            row.WindowStartUtc = now;
            row.BlockedUntilUtc = null;
        }

        row.Failures++;
        return row;
    }

    private static async Task SaveAsync(TransitionTrackerDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent attempt at the same account from the same address added the same new row first. Counting is best
            // effort: losing one failure of a burst barely changes the limits, failing the sign-in would be worse.
        }
    }
}
