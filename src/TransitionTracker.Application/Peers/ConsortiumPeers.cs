using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Data;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Peers;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Peers;

/// <summary>
/// Consortia like a given one and how they moved from "needs support" to "fast mover" (docs/scoring.md, "Peers"), as
/// at the date the dashboards use: three queries, however many consortia or assessments there are (every consortium's
/// population, first track and whether it has been a fast mover, kept for every consortium's peers; the chosen peers'
/// submissions and its own, with their answers; the peers' lessons). Peers come from any region, so the result is kept
/// in the read cache under the whole data's stamp, the same for every reader; which peers' lessons a reader is given
/// is decided after, from what the reader may read.
/// </summary>
public sealed class ConsortiumPeers(DbContexts contexts, OrganisationScope scope, DashboardReferenceDate referenceDate, CachedReads reads)
{
    /// <summary>How many of a peer's closed criteria are given, first closed first.</summary>
    public const int ClosedShown = 5;

    /// <summary>How many of a peer's lessons are given, newest first.</summary>
    public const int LessonsShown = 3;

    private static Framework Framework => ShippedFrameworks.DefaultFramework;

    /// <summary>The consortium's peers; null when there is no such consortium or the user may not read it.</summary>
    public async Task<PeersView?> GetAsync(ActingUser? user, string code, CancellationToken cancellationToken)
    {
        if (user is null || OrganisationCode.TryNormalise(code) is not { } normalised || !await scope.CanReadConsortiumAsync(user, normalised, cancellationToken))
        {
            return null;
        }

        var asAt = referenceDate.Date;
        var shared = await reads.GetAsync((nameof(ConsortiumPeers), normalised, asAt), ct => LoadAsync(normalised, asAt, ct), cancellationToken);
        if (shared is null)
        {
            return null;
        }

        // Lessons are read with the consortium that wrote them: a reader who may not read a peer is not given its lessons.
        var peers = shared.Peers
            .Select(p => user.Access.CanReadConsortium(p.Reference) ? p.Item : p.Item with { Readable = false, Lessons = [] })
            .ToList();
        return shared.View with { Peers = peers };
    }

    private async Task<SharedPeers?> LoadAsync(string code, DateOnly asAt, CancellationToken cancellationToken)
    {
        var consortia = await CandidatesAsync(asAt, cancellationToken);
        var self = consortia.FirstOrDefault(c => c.Code == code);
        if (self is null)
        {
            return null;
        }

        var band = PopulationBands.Of(self.Population);
        var byCode = consortia.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var chosen = PeerRule.Choose(
                new PeerCandidate(self.Code, self.RegionCode, self.Population, self.StartedAs, self.EverFastMover),
                consortia.Where(c => c.Code != code && !c.Merged).Select(c => new PeerCandidate(c.Code, c.RegionCode, c.Population, c.StartedAs, c.EverFastMover)))
            .Select(p => byCode[p.Code])
            .ToList();

        // The chosen peers' submissions and this consortium's, each with its answers: their journeys, the criteria they
        // closed, and what is still open here.
        var codes = chosen.Select(p => p.Code).Append(code).ToList();
        await using var db = contexts.OpenForReading();
        var histories = (await Submitted(db, asAt)
                .Where(a => codes.Contains(a.ConsortiumCode))
                .Select(a => new
                {
                    a.ConsortiumCode,
                    a.Id,
                    SubmittedAtUtc = a.SubmittedAtUtc!.Value,
                    a.Track,
                    Answers = a.Responses
                        .Where(r => r.Status != null || r.Level != null)
                        .Select(r => new CriterionResponse(r.CriterionId, r.Status, r.Level))
                        .ToList(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ConsortiumCode);
        var ownAnswers = histories[code].OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id).LastOrDefault()?.Answers ?? [];
        var journeys = chosen.ToDictionary(
            p => p.Code,
            p => PeerJourney.Of(histories[p.Code].Select(a => new TrackedSubmission(a.Id, UkCalendar.DateOf(a.SubmittedAtUtc), a.Track)), asAt),
            StringComparer.Ordinal);
        var closedByPeer = chosen.ToDictionary(
            p => p.Code,
            p => PeerJourney.ClosedCriteria(Framework, histories[p.Code].Select(a => new AnsweredSubmission(a.Id, UkCalendar.DateOf(a.SubmittedAtUtc), a.Answers)), asAt),
            StringComparer.Ordinal);

        // The peers' lessons on the domains of the criteria they closed that are still open here.
        var openDomains = chosen.ToDictionary(
            p => p.Code,
            p => closedByPeer[p.Code]
                .Where(c => PeerJourney.IsOpen(Framework, ownAnswers, c.CriterionId))
                .Select(c => Framework.FindCriterion(c.CriterionId)?.DomainId)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
        var peerCodes = chosen.Select(p => p.Code).ToList();
        var domains = openDomains.Values.SelectMany(d => d).Distinct(StringComparer.Ordinal).ToList();
        var lessons = domains.Count == 0
            ? []
            : await db.Lessons.AsNoTracking()
                .Where(l => peerCodes.Contains(l.ConsortiumCode) && domains.Contains(l.DomainId))
                .Select(l => new { l.Id, l.ConsortiumCode, l.DomainId, l.Title, l.WrittenAtUtc })
                .ToListAsync(cancellationToken);

        var peers = chosen.Select(p =>
        {
            var journey = journeys[p.Code];
            var closed = closedByPeer[p.Code];
            var item = new PeerItem(
                p.Code,
                p.Name,
                p.RegionCode,
                p.RegionName,
                p.Population,
                p.StartedAs,
                journey.NeedsSupportOn,
                journey.FastMoverOn,
                journey.DaysToFastMover,
                journey.DaysSoFar,
                Readable: true,
                closed.Take(ClosedShown).Select(c => Criterion(c, PeerJourney.IsOpen(Framework, ownAnswers, c.CriterionId))).ToList(),
                closed.Count,
                lessons
                    .Where(l => l.ConsortiumCode == p.Code && openDomains[p.Code].Contains(l.DomainId))
                    .OrderByDescending(l => l.WrittenAtUtc).ThenByDescending(l => l.Id)
                    .Take(LessonsShown)
                    .Select(l => new PeerLesson(l.Id, l.DomainId, DomainName(l.DomainId), l.Title, l.WrittenAtUtc))
                    .ToList());
            return new SharedPeer(new ConsortiumRef(p.Code, p.RegionCode, p.PctCodes), item);
        }).ToList();

        var view = new PeersView(code, asAt, band, self.Population, self.RegionCode, self.RegionName, self.StartedAs, []);
        return new SharedPeers(view, peers);
    }

    // Every consortium (merged ones flagged) with its population (stored on it: the list sizes of its current
    // members), the track of its first submission and whether it has been a fast mover: each an index seek per
    // consortium, so nobody's history is read. The same for every consortium's peers, so kept on its own while the data
    // is unchanged: the peers of another consortium then cost only their own two queries.
    private Task<IReadOnlyList<Candidate>> CandidatesAsync(DateOnly asAt, CancellationToken cancellationToken) =>
        reads.GetAsync(("peer candidates", asAt), async ct =>
        {
            await using var db = contexts.OpenForReading();
            var submitted = Submitted(db, asAt);
            IReadOnlyList<Candidate> rows = await (
                    from c in db.Consortia.AsNoTracking()
                    join r in db.Regions on c.RegionCode equals r.Code
                    select new Candidate(
                        c.Code,
                        c.Name,
                        c.RegionCode,
                        r.Name,
                        c.Pcts.Select(p => p.PctCode).ToList(),
                        c.Population,
                        submitted.Where(a => a.ConsortiumCode == c.Code).OrderBy(a => a.SubmittedAtUtc).ThenBy(a => a.Id).Select(a => a.Track).FirstOrDefault(),
                        submitted.Any(a => a.ConsortiumCode == c.Code && a.Track == Track.FastMover),
                        c.MergedIntoCode != null))
                .ToListAsync(ct);
            return rows;
        }, cancellationToken);

    // The submitted readiness assessments with a track, as at the end of the reference date.
    private static IQueryable<Assessment> Submitted(TransitionTrackerDbContext db, DateOnly asAt)
    {
        const string frameworkId = ShippedFrameworks.Default;
        var endUtc = DashboardReferenceDate.EndOfUkDayUtc(asAt);
        return db.Assessments.AsNoTracking()
            .Where(a => a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc < endUtc && a.Track != null);
    }

    private static PeerCriterion Criterion(ClosedCriterion closed, bool openHere) =>
        Framework.FindCriterion(closed.CriterionId) is { } criterion
            ? new PeerCriterion(criterion.Id, criterion.Text, criterion.DomainId, DomainName(criterion.DomainId), closed.ClosedOn, openHere)
            : new PeerCriterion(closed.CriterionId, closed.CriterionId, "", "", closed.ClosedOn, openHere);

    private static string DomainName(string domainId) => Framework.FindDomain(domainId)?.Name ?? domainId;

    private sealed record Candidate(
        string Code, string Name, string RegionCode, string RegionName, List<string> PctCodes, long Population, Track? StartedAs, bool EverFastMover, bool Merged);

    private sealed record SharedPeer(ConsortiumRef Reference, PeerItem Item);

    private sealed record SharedPeers(PeersView View, IReadOnlyList<SharedPeer> Peers);
}
