using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;

namespace TransitionTracker.Application.Access;

/// <summary>
/// The one place that decides whether a user may read, edit or review a region, PCT or consortium (docs/security.md,
/// "Roles and scopes"). Unknown codes are refused exactly like codes out of scope, so a refusal never tells whether
/// something exists. Use cases ask it before they read or change anything; so do the pages and endpoints that call them.
/// </summary>
public sealed class OrganisationScope(DbContexts contexts, CachedReads reads)
{
    public async Task<bool> AllowsAsync(ActingUser? user, OrganisationKind kind, AccessOperation operation, string? code, CancellationToken cancellationToken)
    {
        if (user is null || OrganisationCode.TryNormalise(code) is not { } normalised)
        {
            return false;
        }

        var access = user.Access;
        switch (kind)
        {
            case OrganisationKind.Region:
                return operation == AccessOperation.Read
                    && access.CanReadRegion(normalised)
                    && await reads.GetReferenceAsync(("region exists", normalised), ct => RegionExistsAsync(normalised, ct), cancellationToken);
            case OrganisationKind.Pct:
                var region = await RegionOfPctAsync(normalised, cancellationToken);
                return region is not null && operation switch
                {
                    AccessOperation.Read => access.CanReadPct(normalised, region),
                    AccessOperation.Edit => access.CanEditPct(normalised),
                    _ => false,
                };
            case OrganisationKind.Consortium:
                var consortium = await ConsortiumAsync(normalised, cancellationToken);
                return consortium is not null && operation switch
                {
                    AccessOperation.Read => access.CanReadConsortium(consortium),
                    AccessOperation.Edit => access.CanEditConsortium(consortium),
                    AccessOperation.Review => access.CanReviewConsortium(consortium),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="user"/> may read the consortium (false when there is none with that code).</summary>
    public Task<bool> CanReadConsortiumAsync(ActingUser? user, string? code, CancellationToken cancellationToken) =>
        AllowsAsync(user, OrganisationKind.Consortium, AccessOperation.Read, code, cancellationToken);

    /// <summary>Whether <paramref name="user"/> may change the consortium's records (false when there is none with that code).</summary>
    public Task<bool> CanEditConsortiumAsync(ActingUser? user, string? code, CancellationToken cancellationToken) =>
        AllowsAsync(user, OrganisationKind.Consortium, AccessOperation.Edit, code, cancellationToken);

    /// <summary>The consortium's region and PCTs, or null when there is no consortium with that code.</summary>
    public Task<ConsortiumRef?> ConsortiumAsync(string code, CancellationToken cancellationToken) =>
        reads.GetAsync(("consortium reference", code), ct => QueryConsortiumAsync(code, ct), cancellationToken);

    /// <summary>The region a PCT belongs to, or null when there is no PCT with that code.</summary>
    public Task<string?> RegionOfPctAsync(string code, CancellationToken cancellationToken) =>
        reads.GetReferenceAsync(("region of PCT", code), async ct =>
        {
            await using var db = contexts.OpenForReading();
            return await db.Pcts.Where(p => p.Code == code).Select(p => p.RegionCode).SingleOrDefaultAsync(ct);
        }, cancellationToken);

    private async Task<bool> RegionExistsAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        return await db.Regions.AnyAsync(r => r.Code == code, cancellationToken);
    }

    private async Task<ConsortiumRef?> QueryConsortiumAsync(string code, CancellationToken cancellationToken)
    {
        await using var db = contexts.OpenForReading();
        var row = await db.Consortia.AsNoTracking()
            .Where(c => c.Code == code)
            .Select(c => new { c.Code, c.RegionCode, Pcts = c.Pcts.Select(p => p.PctCode).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new ConsortiumRef(row.Code, row.RegionCode, row.Pcts);
    }
}
