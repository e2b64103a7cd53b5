using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data.Identity;
using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Access;

/// <summary>
/// Turns a <see cref="ClaimsPrincipal"/> (a cookie's or a bearer token's) into the <see cref="ActingUser"/> it stands
/// for. The principal is accepted only while its session is open and the security stamp it carries is the account's:
/// a user who has signed out, been disabled or deleted, or whose stamp has changed gets null, whatever they present.
/// One query, kept in the read cache while no data has changed (disabling a user, changing their roles and ending a
/// session are changes like any other).
/// </summary>
public sealed class ActingUsers(DbContexts contexts, CachedReads reads, IOptions<IdentityOptions> identity)
{
    /// <summary>The claim that carries the server-side session's id (docs/security.md, "Sessions").</summary>
    public const string SessionClaimType = "tt:session";

    public async Task<ActingUser?> FromPrincipalAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return null;
        }

        var sessionId = principal.FindFirstValue(SessionClaimType) ?? "";
        var securityStamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var user = await reads.GetAsync((nameof(ActingUsers), userId, sessionId), ct => LoadAsync(userId, sessionId, ct), cancellationToken);
        return user is null || user.IsDisabled || !user.SessionOpen || user.SecurityStamp != securityStamp
            ? null
            : user.ToActingUser();
    }

    /// <summary>The account as a use case would act for it, whatever its sessions (for tests and operations commands).</summary>
    internal async Task<ActingUser?> ForAccountAsync(string userId, CancellationToken cancellationToken) =>
        await LoadAsync(userId, "", cancellationToken) is { IsDisabled: false } user
            ? user.ToActingUser()
            : null;

    // One round trip: the account (with its colour scheme), whether the session is open, its role assignments and the
    // region of each managed PCT.
    private async Task<KnownUser?> LoadAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.DisplayName,
                u.IsDisabled,
                u.SecurityStamp,
                u.ColourScheme,
                SessionOpen = db.UserSessions.Any(s => s.Id == sessionId && s.UserId == u.Id && s.EndedAtUtc == null),
                Assignments = db.RoleAssignments
                    .Where(a => a.UserId == u.Id)
                    .Select(a => new
                    {
                        Assignment = a,
                        PctRegion = a.Role == Role.PctManager ? db.Pcts.Where(p => p.Code == a.ScopeCode).Select(p => p.RegionCode).FirstOrDefault() : null,
                    })
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var pctRegions = user.Assignments
            .Where(a => a.PctRegion is not null)
            .ToDictionary(a => a.Assignment.ScopeCode!, a => a.PctRegion!, StringComparer.Ordinal);
        var access = new UserAccess(user.Assignments.Select(a => a.Assignment), pctRegions);
        return new KnownUser(user.Id, user.Email, user.DisplayName, user.IsDisabled, user.SecurityStamp, user.SessionOpen, access, user.ColourScheme);
    }

    private sealed record KnownUser(string Id, string? Email, string DisplayName, bool IsDisabled, string? SecurityStamp, bool SessionOpen, UserAccess Access, ColourScheme ColourScheme)
    {
        public ActingUser ToActingUser() => new(Id, Email ?? "", DisplayName, Access, ColourScheme);
    }
}
