using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Assessments;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Forecasts;
using TransitionTracker.Application.Lessons;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Application.SupportActions;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Consortia;

/// <summary>
/// Everything a consortium's status page shows, in one use case: who it is, where it stands, when it reaches fast mover
/// at its pace, its support actions, its planned milestones, and lessons from consortia strong where it is weakest.
/// What it shows is the same for every reader, so it is kept in the read cache while the data is unchanged
/// (docs/architecture.md, "The read cache"); the reader's scope is checked against the cached consortium and decides
/// what they may do next.
/// </summary>
public sealed class ConsortiumStatus(
    ConsortiumCatalogue catalogue,
    ConsortiumReadinessReader readiness,
    SupportActionBoard actions,
    LessonLibrary lessons,
    ConsortiumForecasts forecasts,
    OrganisationScope scope,
    DbContexts contexts,
    CachedReads reads)
{
    /// <summary>How many of the lowest-scoring domains are offered lessons from others.</summary>
    public const int WeakestDomainCount = 2;

    /// <summary>The consortium's status, or null when there is none with that code or the user may not read it.</summary>
    public async Task<ConsortiumStatusView?> GetAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        if (user is null || OrganisationCode.TryNormalise(code) is not { } normalised)
        {
            return null;
        }

        // The consortium's own records are kept under its region's stamp; lessons from others, which come from every
        // region, under the whole data's (docs/architecture.md, "The read cache").
        var shared = await reads.GetForRegionAsync(
            async ct => (await scope.ConsortiumAsync(normalised, ct))?.RegionCode, (nameof(ConsortiumStatus), normalised), ct => LoadAsync(normalised, ct), cancellationToken);
        if (shared is null)
        {
            return null;
        }

        var fromOthers = await reads.GetAsync(
            ("lessons from others", normalised, string.Join(',', shared.WeakestDomains)),
            ct => lessons.FromOthersAsync(normalised, shared.WeakestDomains, ct),
            cancellationToken);

        var summary = shared.Consortium.Summary;
        var reference = new ConsortiumRef(summary.Code, summary.RegionCode, summary.PctCodes.ToList());
        return user.Access.CanReadConsortium(reference)
            ? new ConsortiumStatusView(
                shared.Consortium,
                shared.Readiness,
                shared.Actions,
                shared.WeakestDomains,
                fromOthers,
                shared.Milestones,
                actions.Today,
                CanEdit: user.Access.CanEditConsortium(reference),
                CanReview: user.Access.CanReviewConsortium(reference),
                shared.Forecast)
            : null;
    }

    private async Task<SharedStatus?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var detail = await catalogue.FindDetailAsync(code, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var standing = await readiness.FindAsync(code, cancellationToken);
        var board = await actions.ListOfAsync(code, cancellationToken);
        var weakest = standing.Latest?.Domains
            .Where(d => d.Score is not null)
            .OrderBy(d => d.Score).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(WeakestDomainCount)
            .Select(d => d.Id)
            .ToList() ?? [];
        var forecast = await forecasts.FindAsync(code, standing, cancellationToken);
        await using var db = contexts.OpenForReading();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.ConsortiumCode == code).ToListAsync(cancellationToken);

        // In the order of the steps: the kind is stored as its name, so the database would sort it alphabetically.
        return new SharedStatus(detail, standing, board, weakest, milestones.OrderBy(m => m.Kind).ToList(), forecast);
    }

    private sealed record SharedStatus(
        ConsortiumDetail Consortium,
        ConsortiumReadiness Readiness,
        IReadOnlyList<SupportActionItem> Actions,
        IReadOnlyList<string> WeakestDomains,
        IReadOnlyList<Milestone> Milestones,
        ForecastView Forecast);
}
