using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Application.Access;

/// <summary>
/// Server-side sessions (<see cref="UserSession"/>): one is started for each sign-in and for each use of a refresh
/// token, its id travels as the <see cref="ActingUsers.SessionClaimType"/> claim, and <see cref="ActingUsers"/>
/// accepts a cookie or token only while its session is open. Starting and ending are saves, so they give the data a
/// new stamp and no instance's read cache keeps an ended session as open. Each call opens its own context; its saves
/// are recorded as made by <c>actor</c>, the user acting in the request (null for a sign-in or a refresh, which
/// nobody makes signed in: recorded as the system).
/// </summary>
public sealed class SessionStore(DbContexts contexts, TimeProvider clock)
{
    /// <summary>How long an ended session's row is kept; its start and end stay in the audit trail.</summary>
    public static readonly TimeSpan EndedSessionsKeptFor = TimeSpan.FromDays(1);

    public async Task<string> StartAsync(ActingUser? actor, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.Open(actor);

        // The user's sessions that ended a while ago go, so a script that refreshes every hour leaves a day's rows at
        // most. A missing session and an ended one are refused alike, so no cached answer changes: no new stamp needed.
        var endedBefore = now - EndedSessionsKeptFor;
        await db.UserSessions.Where(s => s.UserId == userId && s.EndedAtUtc < endedBefore).ExecuteDeleteAsync(cancellationToken);

        var session = new UserSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UserSession.IdLength / 2)),
            UserId = userId,
            CreatedAtUtc = now,
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }

    /// <summary>
    /// Ends the user's session if it is still open. True only for the one caller that ended it: of two requests
    /// racing to use the same refresh token, one wins.
    /// </summary>
    public async Task<bool> EndAsync(ActingUser? actor, string? sessionId, string? userId, CancellationToken cancellationToken)
    {
        if (sessionId is null || userId is null)
        {
            return false;
        }

        await using var db = contexts.Open(actor);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAtUtc == null, cancellationToken);
        if (session is null)
        {
            return false;
        }

        session.EndedAtUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else ended it first; this context, its failed save and that save's audit entry go with it.
            return false;
        }
    }
}
