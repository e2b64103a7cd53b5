using Microsoft.EntityFrameworkCore;
using TransitionTracker.Application.Access;
using TransitionTracker.Application.Caching;
using TransitionTracker.Application.Dashboards;
using TransitionTracker.Application.Persistence;
using TransitionTracker.Domain.Access;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Peers;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Peers;

/// <summary>
/// Consortia like a given one and how they moved from "needs support" to "fast mover" (docs/scoring.md, "Peers"), as
/// at the date the dashboards use: four queries, however many consortia or assessments there are (every consortium's
/// population; the tracks of the submissions of those in its band; the answers of the chosen peers' submissions and
/// its own latest; the peers' lessons). Peers come from any region, so the result is kept in the read cache under the
/// whole data's stamp, the same for every reader; which peers' lessons a reader is given is decided after, from what
/// the reader may read.
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
        const string frameworkId = ShippedFrameworks.Default;
        var endUtc = DashboardReferenceDate.EndOfUkDayUtc(asAt);
        await using var db = contexts.OpenForReading();

        // Every consortium that has not merged into another (and this one whatever it is), with its population as the
        // status page counts it: the list sizes of its current members.
        var consortia = await (
                from c in db.Consortia.AsNoTracking()
                where c.MergedIntoCode == null || c.Code == code
                join r in db.Regions on c.RegionCode equals r.Code
                select new
                {
                    c.Code,
                    c.Name,
                    c.RegionCode,
                    RegionName = r.Name,
                    PctCodes = c.Pcts.Select(p => p.PctCode).ToList(),
                    Population = (from m in db.ConsortiumMemberships
                                  where m.ConsortiumCode == c.Code && m.LeftOn == null
                                  join p in db.Practices on m.PracticeCode equals p.Code
                                  select (long)p.ListSize).Sum(),
                })
            .ToListAsync(cancellationToken);
        var self = consortia.FirstOrDefault(c => c.Code == code);
        if (self is null)
        {
            return null;
        }

        var band = PopulationBands.Of(self.Population);
        var inBand = consortia.Where(c => PopulationBands.Of(c.Population) == band).Select(c => c.Code).ToList();
        var inBandSet = inBand.ToHashSet(StringComparer.Ordinal);

        // The tracks of every submission of the consortia in the band (an index-only read), for where each started.
        var tracked = (await db.Assessments.AsNoTracking()
                .Where(a => a.FrameworkId == frameworkId && a.Status == AssessmentStatus.Submitted && a.SubmittedAtUtc < endUtc && inBand.Contains(a.ConsortiumCode))
                .Select(a => new { a.ConsortiumCode, a.Id, SubmittedAtUtc = a.SubmittedAtUtc!.Value, a.Track })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ConsortiumCode, a => new TrackedSubmission(a.Id, UkCalendar.DateOf(a.SubmittedAtUtc), a.Track));
        var journeys = inBand.ToDictionary(c => c, c => PeerJourney.Of(tracked[c], asAt), StringComparer.Ordinal);

        PeerCandidate Candidate(string c, string region, long population) =>
            new(c, region, population, journeys[c].StartedAs, journeys[c].EverFastMover);
        var chosen = PeerRule.Choose(
                Candidate(self.Code, self.RegionCode, self.Population),
                consortia.Where(c => c.Code != code && inBandSet.Contains(c.Code)).Select(c => Candidate(c.Code, c.RegionCode, c.Population)))
            .Select(p => consortia.First(c => c.Code == p.Code))
            .ToList();

        // The answers of the peers' submissions, and of this consortium's latest.
        var ownLatest = tracked[code].OrderBy(s => s.SubmittedOn).ThenBy(s => s.Id).Select(s => (int?)s.Id).LastOrDefault();
        var answerIds = chosen.SelectMany(p => tracked[p.Code].Select(s => s.Id)).ToList();
        if (ownLatest is { } latestId)
        {
            answerIds.Add(latestId);
        }

        var answers = (await db.AssessmentResponses.AsNoTracking()
                .Where(r => answerIds.Contains(r.AssessmentId) && (r.Status != null || r.Level != null))
                .Select(r => new { r.AssessmentId, r.CriterionId, r.Status, r.Level })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.AssessmentId, r => new CriterionResponse(r.CriterionId, r.Status, r.Level));
        var ownAnswers = ownLatest is { } own ? answers[own].ToList() : [];

        var closedByPeer = chosen.ToDictionary(
            p => p.Code,
            p => PeerJourney.ClosedCriteria(Framework, tracked[p.Code].Select(s => new AnsweredSubmission(s.Id, s.SubmittedOn, answers[s.Id].ToList())), asAt),
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
                journey.StartedAs,
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

        var view = new PeersView(code, asAt, band, self.Population, self.RegionCode, self.RegionName, journeys[code].StartedAs, []);
        return new SharedPeers(view, peers);
    }

    private static PeerCriterion Criterion(ClosedCriterion closed, bool openHere) =>
        Framework.FindCriterion(closed.CriterionId) is { } criterion
            ? new PeerCriterion(criterion.Id, criterion.Text, criterion.DomainId, DomainName(criterion.DomainId), closed.ClosedOn, openHere)
            : new PeerCriterion(closed.CriterionId, closed.CriterionId, "", "", closed.ClosedOn, openHere);

    private static string DomainName(string domainId) => Framework.FindDomain(domainId)?.Name ?? domainId;

    private sealed record SharedPeer(ConsortiumRef Reference, PeerItem Item);

    private sealed record SharedPeers(PeersView View, IReadOnlyList<SharedPeer> Peers);
}
