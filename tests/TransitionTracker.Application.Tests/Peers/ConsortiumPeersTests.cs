using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Peers;
using TransitionTracker.Application.Tests.Infrastructure;
using TransitionTracker.Data;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Frameworks;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Peers;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Application.Tests.Peers;

/// <summary>
/// A consortium's peers through the use case (docs/scoring.md, "Peers"): 00H's history is replaced by a constructed
/// one whose answers are worked out by hand, and 00G, in the same region and band, sees it; lessons only for readers of
/// the peer; nothing out of scope; at most four queries. Runs on SQLite, and on PostgreSQL with
/// <c>TEST_DATABASE_PROVIDER=Postgres</c>.
/// </summary>
public sealed class ConsortiumPeersTests : IAsyncLifetime
{
    private const string Consortium = Demo.LeadsConsortium; // 00G: Q30, 156,013 patients, started needing support
    private const string Peer = Demo.ManagedConsortium;     // 00H: Q30, 132,408 patients

    private static readonly Framework Framework = ShippedFrameworks.DefaultFramework;

    private readonly CommandCounter _commands = new();
    private ApplicationHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_peer_with_a_constructed_history_took_242_days_and_closed_its_criteria_in_order_with_its_lessons_on_them()
    {
        var host = Host();
        var (x, y, z) = await OpenAtConsortiumAsync(host);
        await ReplaceHistoryAsync(host, x, y, z);
        var onX = Framework.FindCriterion(x)!.DomainId;
        var unrelated = Framework.Domains.Select(d => d.Id).First(d => d != onX && d != Framework.FindCriterion(y)!.DomainId && d != Framework.FindCriterion(z)!.DomainId);
        await using (var db = host.OpenContext())
        {
            db.Lessons.Add(new Lesson(Peer, onX, "Close the essential one first", "It unblocked the rest.", "lead", new DateTime(2013, 3, 30, 9, 0, 0, DateTimeKind.Utc)));
            db.Lessons.Add(new Lesson(Peer, unrelated, "On something else", "Not about these criteria.", "lead", new DateTime(2013, 3, 30, 10, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var manager = await host.UserAsync(Demo.PctManager);
        var view = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(manager, Consortium.ToLowerInvariant(), CancellationToken.None));

        Assert.NotNull(view);
        Assert.Equal((Consortium, PopulationBand.From100To250Thousand, Demo.Region, Track.NeedsSupport), (view.ConsortiumCode, view.Band, view.RegionCode, view.StartedAs));
        Assert.Contains("100,000 to 250,000 patients", view.Rule, StringComparison.Ordinal);
        var peer = Assert.Single(view.Peers, p => p.Code == Peer);
        Assert.Equal(Track.NeedsSupport, peer.StartedAs);
        Assert.Equal((new DateOnly(2011, 1, 15), new DateOnly(2011, 9, 14), 242), (peer.NeedsSupportOn!.Value, peer.FastMoverOn!.Value, peer.Days!.Value));
        Assert.Equal("242 days (about 8 months)", peer.Took);
        // z closed on 15 May 2011, then x and y on 14 September 2011 in the framework's order; each still open at 00G.
        Assert.Equal([(z, new DateOnly(2011, 5, 15)), (x, new DateOnly(2011, 9, 14)), (y, new DateOnly(2011, 9, 14))],
            peer.ClosedFirst.Select(c => (c.Id, c.ClosedOn)));
        Assert.Equal(3, peer.ClosedCount);
        Assert.All(peer.ClosedFirst, c => Assert.True(c.OpenHere));
        Assert.Equal(Framework.FindCriterion(z)!.Text, peer.ClosedFirst[0].Text);
        Assert.True(peer.Readable);

        // Its lessons on the domains of x, y and z, newest first, three at most: the one just written comes first.
        var domains = new[] { x, y, z }.Select(c => Framework.FindCriterion(c)!.DomainId).ToHashSet();
        await using (var db = host.OpenContext())
        {
            var expected = (await db.Lessons.AsNoTracking().Where(l => l.ConsortiumCode == Peer).ToListAsync())
                .Where(l => domains.Contains(l.DomainId)).OrderByDescending(l => l.WrittenAtUtc).ThenByDescending(l => l.Id)
                .Take(ConsortiumPeers.LessonsShown).Select(l => l.Title).ToList();
            Assert.Equal(expected, peer.Lessons.Select(l => l.Title));
        }

        Assert.Equal("Close the essential one first", peer.Lessons[0].Title);
        Assert.DoesNotContain(peer.Lessons, l => l.Title == "On something else");

        // Every peer shares the band and the starting track; those of the region come first.
        Assert.InRange(view.Peers.Count, 1, PeerRule.Limit);
        Assert.DoesNotContain(view.Peers, p => p.Code == Consortium);
        Assert.All(view.Peers, p => Assert.Equal(PopulationBand.From100To250Thousand, PopulationBands.Of(p.Population)));
        Assert.All(view.Peers, p => Assert.Equal(Track.NeedsSupport, p.StartedAs));
        Assert.Equal(view.Peers.OrderByDescending(p => p.RegionCode == Demo.Region).Select(p => p.Code), view.Peers.Select(p => p.Code));
    }

    [Fact]
    public async Task A_reader_who_may_not_read_a_peer_sees_its_journey_but_not_its_lessons()
    {
        var host = Host();
        var (x, y, z) = await OpenAtConsortiumAsync(host);
        await ReplaceHistoryAsync(host, x, y, z);
        await using (var db = host.OpenContext())
        {
            db.Lessons.Add(new Lesson(Peer, Framework.FindCriterion(x)!.DomainId, "Close the essential one first", "It unblocked the rest.", "lead", new DateTime(2013, 3, 30, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        }

        var lead = await host.UserAsync(Demo.ConsortiumLead);
        var manager = await host.UserAsync(Demo.PctManager);
        var forLead = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(lead, Consortium, CancellationToken.None));
        var forManager = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(manager, Consortium, CancellationToken.None));

        var seenByLead = forLead!.Peers.Single(p => p.Code == Peer);
        Assert.False(seenByLead.Readable);
        Assert.Empty(seenByLead.Lessons);
        Assert.Equal(242, seenByLead.Days);
        Assert.All(forLead.Peers, p => Assert.Empty(p.Lessons));
        Assert.NotEmpty(forManager!.Peers.Single(p => p.Code == Peer).Lessons);
    }

    [Fact]
    public async Task Out_of_scope_unknown_and_signed_out_get_nothing()
    {
        var host = Host();
        var manager = await host.UserAsync(Demo.PctManager);
        var regional = await host.UserAsync(Demo.RegionalLead);

        Assert.NotNull(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(manager, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(manager, Demo.OtherConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(regional, Demo.OtherRegionConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(null, Demo.ManagedConsortium, CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(regional, "ZZZ", CancellationToken.None)));
        Assert.Null(await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(regional, "<script>", CancellationToken.None)));
    }

    // 01G has met every criterion in its latest assessment, so no criterion a peer closed is open there and there are
    // no lessons to look for: the last query is not run.
    [Theory]
    [InlineData("00G", 4)]
    [InlineData("01G", 3)]
    public async Task The_peers_of_any_consortium_take_at_most_four_queries_however_many_consortia(string code, int queries)
    {
        var host = Host(readCache: false);
        var national = await host.UserAsync(Demo.National);

        _commands.Reset();
        var view = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, code, CancellationToken.None));

        Assert.NotEmpty(view!.Peers);
        // The scope check; every consortium's population and first track; the peers' and its own submissions with their
        // answers; the peers' lessons.
        Assert.Equal(queries, _commands.Count);
        Assert.Equal(queries == 4, view.Peers.Any(p => p.ClosedFirst.Any(c => c.OpenHere)));
    }

    [Fact]
    public async Task Every_consortiums_population_and_first_track_are_read_once_for_the_peers_of_all()
    {
        var host = Host();
        var national = await host.UserAsync(Demo.National);
        await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, Demo.OtherRegionConsortium, CancellationToken.None));

        _commands.Reset();
        var view = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, Consortium, CancellationToken.None));

        // Its scope check, the peers' and its own submissions with their answers, the peers' lessons.
        Assert.Contains(view!.Peers, p => p.ClosedFirst.Any(c => c.OpenHere));
        Assert.Equal(3, _commands.Count);
    }

    [Fact]
    public async Task Kept_peers_are_served_without_a_query_until_the_data_changes()
    {
        var host = Host();
        var national = await host.UserAsync(Demo.National);
        var first = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, Consortium, CancellationToken.None));

        _commands.Reset();
        var again = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, Consortium, CancellationToken.None));
        var kept = _commands.Count;
        var (x, y, z) = await OpenAtConsortiumAsync(host);
        await ReplaceHistoryAsync(host, x, y, z);
        var after = await host.RunAsync<ConsortiumPeers, PeersView?>(p => p.GetAsync(national, Consortium, CancellationToken.None));

        Assert.Equal(first!.Peers.Select(p => (p.Code, p.Days)), again!.Peers.Select(p => (p.Code, p.Days)));
        Assert.Equal(0, kept); // the data stamp is read apart from the contexts counted here
        Assert.Equal(242, after!.Peers.Single(p => p.Code == Peer).Days);
    }

    // Three criteria open in 00G's latest submission, the first essential one first when there is one; x comes before y
    // in the framework.
    private static async Task<(string X, string Y, string Z)> OpenAtConsortiumAsync(ApplicationHost host)
    {
        await using var db = host.OpenContext();
        var latest = await db.Assessments.AsNoTracking().Include(a => a.Responses)
            .Where(a => a.ConsortiumCode == Consortium && a.FrameworkId == ShippedFrameworks.Default && a.Status == AssessmentStatus.Submitted)
            .OrderByDescending(a => a.SubmittedAtUtc).ThenByDescending(a => a.Id).FirstAsync();
        var answers = latest.CriterionResponses();
        var open = Framework.Criteria.Where(c => PeerJourney.IsOpen(Framework, answers, c.Id)).Select(c => c.Id).ToList();
        Assert.True(open.Count >= 3, $"{Consortium} has {open.Count} criteria open in the demo data.");
        return (open[0], open[1], open[2]);
    }

    // 00H's submitted readiness assessments become three: on 15 January 2011 only x, y and z answered, none met (needs
    // support); on 15 May 2011 z met (still needs support); on 14 September 2011 everything met (fast mover).
    private static async Task ReplaceHistoryAsync(ApplicationHost host, string x, string y, string z)
    {
        await using var db = host.OpenContext();
        await db.Assessments.Where(a => a.ConsortiumCode == Peer && a.FrameworkId == ShippedFrameworks.Default && a.Status == AssessmentStatus.Submitted).ExecuteDeleteAsync();
        Submit(db, new DateTime(2011, 1, 15, 12, 0, 0, DateTimeKind.Utc), Track.NeedsSupport, (x, ResponseStatus.NotStarted), (y, ResponseStatus.InProgress), (z, ResponseStatus.InProgress));
        Submit(db, new DateTime(2011, 5, 15, 12, 0, 0, DateTimeKind.Utc), Track.NeedsSupport, (x, ResponseStatus.InProgress), (y, ResponseStatus.InProgress), (z, ResponseStatus.Met));
        Submit(db, new DateTime(2011, 9, 14, 12, 0, 0, DateTimeKind.Utc), Track.FastMover, Framework.Criteria.Select(c => (c.Id, ResponseStatus.Met)).ToArray());
        await db.SaveChangesAsync();
    }

    private static void Submit(TransitionTrackerDbContext db, DateTime atUtc, Track expected, params (string Id, ResponseStatus Status)[] answers)
    {
        var assessment = new Assessment(Peer, Framework.Id, Framework.Version, "test", atUtc);
        foreach (var (id, status) in answers)
        {
            assessment.Answer(id, status, null, null, "test", atUtc);
        }

        var result = ReadinessScorer.Score(Framework, assessment.CriterionResponses());
        Assert.Equal(expected, result.Track);
        assessment.Submit(result, "{}", "test", atUtc);
        db.Assessments.Add(assessment);
    }

    private ApplicationHost Host(bool readCache = true)
    {
        _host = new ApplicationHost(readCache, services =>
        {
            services.ConfigureDbContext<SqliteTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
            services.ConfigureDbContext<PostgresTransitionTrackerDbContext>(o => o.AddInterceptors(_commands));
        });
        return _host;
    }

    /// <summary>Counts the commands the database runs for this test's host.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Interlocked.Increment(ref _count);
            return result;
        }
    }
}
