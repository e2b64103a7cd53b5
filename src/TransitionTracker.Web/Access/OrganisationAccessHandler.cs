using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Web.Infrastructure.Caching;

namespace TransitionTracker.Web.Access;

/// <summary>
/// The one place that decides whether the current user may read, edit or review the region, PCT or consortium a
/// request is about (the route value <c>code</c>). Unknown codes fail exactly like codes out of scope, so a refusal
/// never tells whether something exists.
/// </summary>
public sealed class OrganisationAccessHandler(CurrentUser currentUser, TransitionTrackerDbContext db, CachedReads reads)
    : AuthorizationHandler<OrganisationAccessRequirement>
{
    public const string RouteValue = "code";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OrganisationAccessRequirement requirement)
    {
        var code = context.Resource switch
        {
            HttpContext http => OrganisationCode.TryNormalise(http.GetRouteValue(RouteValue) as string),
            string value => OrganisationCode.TryNormalise(value),
            _ => null,
        };
        if (code is null || !currentUser.IsSignedIn)
        {
            return;
        }

        if (await AllowsAsync(currentUser.Access, requirement, code))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> AllowsAsync(UserAccess access, OrganisationAccessRequirement requirement, string code)
    {
        switch (requirement.Kind)
        {
            case OrganisationKind.Region:
                return requirement.Operation == AccessOperation.Read
                    && access.CanReadRegion(code)
                    && await reads.GetAsync(("region exists", code), ct => db.Regions.AnyAsync(r => r.Code == code, ct), default);
            case OrganisationKind.Pct:
                var region = await reads.GetAsync(("region of PCT", code), ct => db.Pcts.Where(p => p.Code == code).Select(p => p.RegionCode).SingleOrDefaultAsync(ct), default);
                return region is not null && requirement.Operation switch
                {
                    AccessOperation.Read => access.CanReadPct(code, region),
                    AccessOperation.Edit => access.CanEditPct(code),
                    _ => false,
                };
            case OrganisationKind.Consortium:
                var consortium = await FindConsortiumAsync(code);
                return consortium is not null && requirement.Operation switch
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

    private Task<ConsortiumRef?> FindConsortiumAsync(string code) =>
        reads.GetAsync(("consortium reference", code), ct => QueryConsortiumAsync(code, ct), default);

    private async Task<ConsortiumRef?> QueryConsortiumAsync(string code, CancellationToken cancellationToken)
    {
        var row = await db.Consortia.AsNoTracking()
            .Where(c => c.Code == code)
            .Select(c => new { c.Code, c.RegionCode, Pcts = c.Pcts.Select(p => p.PctCode).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new ConsortiumRef(row.Code, row.RegionCode, row.Pcts);
    }
}
